"""A tiny IMAP4rev1 server for tests: one mailbox, plain text, just the commands `bounces --imap` uses.

CAPABILITY, LOGIN, SELECT, UID SEARCH UNSEEN, UID FETCH (BODY.PEEK[]), UID STORE +FLAGS (\\Seen), LOGOUT.
"""
import re
import socketserver
import threading


class Mailbox:
    def __init__(self, messages):
        self.messages = dict(enumerate(messages, start=1))
        self.seen = set()


def handler_for(mailbox):
    class Handler(socketserver.StreamRequestHandler):
        def reply(self, text):
            self.wfile.write(text if isinstance(text, bytes) else text.encode())

        def handle(self):
            self.reply("* OK IMAP4rev1 test server ready\r\n")
            for line in self.rfile:
                tag, command, *rest = line.decode().rstrip("\r\n").split(" ", 2)
                args = rest[0] if rest else ""
                if self.answer(tag, command.upper(), args) == "bye":
                    return

        def answer(self, tag, command, args):
            if command == "CAPABILITY":
                self.reply(f"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n")
            elif command in ("LOGIN", "NOOP"):
                self.reply(f"{tag} OK done\r\n")
            elif command == "SELECT":
                self.reply(f"* {len(mailbox.messages)} EXISTS\r\n{tag} OK [READ-WRITE] selected\r\n")
            elif command == "UID":
                self.uid(tag, args)
            elif command == "LOGOUT":
                self.reply(f"* BYE\r\n{tag} OK bye\r\n")
                return "bye"
            else:
                self.reply(f"{tag} BAD unknown command\r\n")

        def uid(self, tag, args):
            verb, _, rest = args.partition(" ")
            verb = verb.upper()
            if verb == "SEARCH":
                unseen = " ".join(str(uid) for uid in mailbox.messages if uid not in mailbox.seen)
                self.reply(f"* SEARCH {unseen}\r\n{tag} OK done\r\n")
            elif verb == "FETCH":
                uid = int(re.match(r"(\d+)", rest).group(1))
                raw = mailbox.messages[uid]
                self.reply(f"* {uid} FETCH (UID {uid} BODY[] {{{len(raw)}}}\r\n".encode() + raw + b")\r\n")
                self.reply(f"{tag} OK done\r\n")
            elif verb == "STORE":
                uid = int(re.match(r"(\d+)", rest).group(1))
                mailbox.seen.add(uid)
                self.reply(f"* {uid} FETCH (UID {uid} FLAGS (\\Seen))\r\n{tag} OK done\r\n")

    return Handler


class ImapServer:
    def __init__(self, messages):
        self.mailbox = Mailbox(messages)
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler_for(self.mailbox))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
