// A real SMTP server in its own process for mail tests: listens on 127.0.0.1 on a port the kernel picks,
// prints `listening <port>` and then one JSON line per received message.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
        process.stdout.write(
          `${JSON.stringify({
            from: mail.from?.value[0]?.address ?? null,
            to: to.map((a) => a.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : null,
          })}\n`,
        );
        callback();
      })
      .catch((err: Error) => callback(err));
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
