export * from './calendar.module';
export * from './dto/working-calendar.models';
export * from './working-calendar-year.entity';
export * from './working-calendar.service';
