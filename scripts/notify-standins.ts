import { startLineStandIn, startSmsStandIn, startSmtpStandIn } from '../test/helpers/notify-standins';

/**
 * The notification channels' local stand-ins for a demo: LINE Messaging API, an SMS gateway and
 * an SMTP server on loopback. Prints the variables to start the server with, and each message as
 * it arrives. Stop with Ctrl-C.
 */
const [line, sms, smtp] = await Promise.all([startLineStandIn(), startSmsStandIn(), startSmtpStandIn()]);
console.log('Notification stand-ins are listening. Start the server with:\n');
console.log(`LINE_CHANNEL_ACCESS_TOKEN=${line.token} LINE_API_URL=${line.url} \\`);
console.log(`SMS_GATEWAY_URL=${sms.url} SMS_GATEWAY_API_KEY=${sms.apiKey} \\`);
console.log(`SMTP_URL=${smtp.url} NOTIFY_BACKOFF_SECONDS=5 npm start\n`);
let seen = { line: 0, sms: 0, smtp: 0 };
setInterval(() => {
  for (const p of line.pushes.slice(seen.line)) console.log(`LINE → ${p.to}: ${p.text}`);
  for (const m of sms.messages.slice(seen.sms)) console.log(`SMS → ${m.to}: ${m.text}`);
  for (const m of smtp.mails.slice(seen.smtp)) console.log(`E-mail → ${m.to.join(', ')}: ${m.subject}\n${m.text}`);
  seen = { line: line.pushes.length, sms: sms.messages.length, smtp: smtp.mails.length };
}, 500);
