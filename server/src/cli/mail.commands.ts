import { systemClock } from '@rapport/core';
import { LoggingAddressService } from '../mail/logging-address.service.js';
import { required, type CommandSpec } from './args.js';
import { withDatabase } from './context.js';

export const mailAddress: CommandSpec = {
  name: 'mail address',
  summary: 'Show someone\'s logging address, or make a new one with --rotate (shown once).',
  usage: 'rapport mail address --user <email> [--rotate]',
  options: { user: { type: 'string' }, rotate: { type: 'boolean' } },
  details: [
    'Mail BCC\'d or forwarded to a logging address is logged for its user. The address is kept only as a hash,',
    'so it is shown once, when made; --rotate makes a new one and the old one stops working at once.',
    '',
    'Example: rapport mail address --user ann@acme.com --rotate',
  ],
  async run(args, io) {
    const email = required(args, 'user', mailAddress);
    return withDatabase(io, async ({ config, store, services }) => {
      const user = await services.users.findByEmail(email);
      if (!user) {
        io.err(`No user with the address ${email}. Add them first: rapport user add --email ${email} --name "…"`);
        return 2;
      }
      const addresses = new LoggingAddressService({ store, clock: systemClock }, { domain: config.mail.domain, accepting: config.mail.port !== null });
      const view = args.values.rotate ? await addresses.rotate(user) : await addresses.show(user);
      if (view.address) {
        io.out(view.address);
        io.err(`Logging address for ${user.name}. It is shown only this once; the previous one no longer works.`);
      } else if (view.hint) {
        io.out(view.hint);
        io.err(`Made ${view.createdAt}. The whole address was shown when it was made; run with --rotate for a new one.`);
      } else {
        io.err(`${user.name} has no logging address yet: run with --rotate to make one.`);
        return 1;
      }
      if (!view.accepting) io.err('This hub does not take mail yet: set RAPPORT_SMTP_PORT (see server/README.md).');
      return 0;
    });
  },
};
