import { Module } from '@nestjs/common';

/** Departments' file import of the 双公示 spreadsheet template. */
@Module({})
export class ImportsModule {}
