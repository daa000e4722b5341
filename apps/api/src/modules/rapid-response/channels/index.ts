export * from './channel';
export * from './webhook.channel';
export * from './twilio.channel';
