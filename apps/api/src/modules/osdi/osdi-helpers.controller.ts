import { Body, Controller, Header, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@juntos/auth';
import { attendance, person, signature, writerView } from './osdi-documents';
import { HAL, osdiBase, osdiCaller } from './osdi-http';
import { OsdiHelpersService } from './osdi-helpers.service';

/**
 * The OSDI write helpers, with an OSDI_WRITE token. Each answers 201 when it made the record
 * (the person, signature or attendance) and 200 when it was there already, so a second
 * identical call is a 200 that changes nothing. Paths: Action Network's, and the OSDI docs'.
 * A token without OSDI_READ gets 200 and the record's id and links only (see Written).
 */
@Controller('osdi/v1')
@Public()
export class OsdiHelpersController {
  constructor(private readonly helpers: OsdiHelpersService) {}

  @Post(['people', 'people/person_signup', 'people/person_signup_helper'])
  @Header('Content-Type', HAL)
  async signup(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: unknown) {
    const { record, created, reader } = await this.helpers.signup(osdiCaller(req), body);
    res.status(reader && created ? 201 : 200);
    const doc = person(osdiBase(req), record);
    return reader ? doc : writerView(doc);
  }

  @Post(['petitions/:id/signatures', 'petitions/:id/record_signature_helper'])
  @Header('Content-Type', HAL)
  async signature(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const { record, created, reader } = await this.helpers.recordSignature(osdiCaller(req), id, body);
    res.status(reader && created ? 201 : 200);
    const doc = signature(osdiBase(req), record);
    return reader ? doc : writerView(doc);
  }

  @Post(['events/:id/attendances', 'events/:id/record_attendance_helper'])
  @Header('Content-Type', HAL)
  async attendance(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const { record, created, reader } = await this.helpers.recordAttendance(osdiCaller(req), id, body);
    res.status(reader && created ? 201 : 200);
    const doc = attendance(osdiBase(req), record);
    return reader ? doc : writerView(doc);
  }
}
