// "Today" for 双随机、一公开 (draw day, result dates, publication deadlines). Production reads the China
// calendar; tests move time with jest.spyOn(app.get(InspectionClock), 'today') or by overriding the provider.
import { Injectable } from '@nestjs/common';
import { IsoDate, todayInChina } from '@credit/domain';

@Injectable()
export class InspectionClock {
  today(): IsoDate {
    return todayInChina();
  }
}
