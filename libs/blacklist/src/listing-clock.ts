// "Today" for the listing lifecycle. The state machine takes today as an argument; this provider is where the
// service gets it. Production reads the China calendar; tests move time by replacing `today` on the instance
// (jest.spyOn(app.get(ListingClock), 'today')) or by overriding the provider.
import { Injectable } from '@nestjs/common';
import { IsoDate, todayInChina } from '@credit/domain';

@Injectable()
export class ListingClock {
  today(): IsoDate {
    return todayInChina();
  }
}
