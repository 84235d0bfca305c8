import { Injectable } from '@nestjs/common';

/** What the composing app tells the portal about its neighbours (set once at start-up by create-api.ts). */
@Injectable()
export class PortalSettings {
  /** Whether the GraphQL IDE is served at /ide (development only): the footer links to it then. */
  developerIde = false;
}
