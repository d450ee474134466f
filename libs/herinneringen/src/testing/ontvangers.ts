import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An SMTP server in the test process that keeps every mail it receives, parsed. */
export class SmtpOntvanger {
  readonly mails: ParsedMail[] = [];
  /** Connection errors, e.g. a sender killed mid-conversation (ECONNRESET): kept, never thrown. */
  readonly verbindingsfouten: Error[] = [];
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    // Without a listener an 'error' event would end the test process.
    this.server.on('error', (error: Error) => this.verbindingsfouten.push(error));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface OntvangenVerzoek {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A local HTTP receiver for webhooks; `antwoord` decides the status code per request. */
export class HttpOntvanger {
  readonly verzoeken: OntvangenVerzoek[] = [];
  antwoord: (verzoek: OntvangenVerzoek) => number = () => 204;
  private server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const delen: Buffer[] = [];
      req.on('data', (d: Buffer) => delen.push(d));
      req.on('end', () => {
        const verzoek = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(delen).toString('utf8') };
        this.verzoeken.push(verzoek);
        res.statusCode = this.antwoord(verzoek);
        res.end();
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
