// Connections to the office's mail servers: nodemailer for SMTP, imapflow for IMAP, each with time limits and
// certificate checks on, and any failure to connect turned into the Chinese message of config.ts.
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { mailServerError, tlsOptions, type ServerAddress } from './config.ts';

/** Seconds a server has to answer before the command gives up on it. */
const TIMEOUT_MS = 20_000;

/** An SMTP transport, verified: a server down, a wrong password or a bad certificate stops here with a message. */
export async function openSmtp(server: ServerAddress, password: string | null): Promise<Transporter> {
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    // Port 587 is submission: STARTTLS is required there, never optional.
    requireTLS: !server.secure && server.port === 587,
    auth: server.user ? { user: server.user, pass: password ?? '' } : undefined,
    tls: { ...tlsOptions(server.host), minVersion: 'TLSv1.2' },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 4 * TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.verify();
  } catch (e) {
    transport.close();
    throw mailServerError(e, server) ?? e;
  }
  return transport;
}

/** An IMAP session, logged in. */
export async function openImap(server: ServerAddress, password: string | null): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: server.secure,
    auth: { user: server.user ?? '', pass: password ?? '' },
    tls: { ...tlsOptions(server.host), minVersion: 'TLSv1.2' },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 4 * TIMEOUT_MS,
  });
  // A connection lost later is reported by the call that was waiting on it; the event alone must not crash the run.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw mailServerError(e, server) ?? e;
  }
  return client;
}
