import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AlertChannel, channelFromEnv, ChannelSettings } from './channels';

/** The channel alerts go out on, from the configuration; `current` is null when none is set. */
@Injectable()
export class AlertChannels {
  readonly current: AlertChannel | null;

  constructor(config: ConfigService) {
    const get = <K extends keyof ChannelSettings>(key: K) => config.get<ChannelSettings[K]>(key);
    this.current = channelFromEnv({
      ALERT_WEBHOOK_URL: get('ALERT_WEBHOOK_URL'),
      ALERT_WEBHOOK_SECRET: get('ALERT_WEBHOOK_SECRET'),
      TWILIO_ACCOUNT_SID: get('TWILIO_ACCOUNT_SID'),
      TWILIO_AUTH_TOKEN: get('TWILIO_AUTH_TOKEN'),
      TWILIO_FROM: get('TWILIO_FROM'),
      TWILIO_API_BASE: get('TWILIO_API_BASE'),
      ALERT_SEND_TIMEOUT_MS: get('ALERT_SEND_TIMEOUT_MS')!,
    });
  }
}
