// Seed email metadata for the main workspace: threads with Acme, Globex and Initech people, an
// automated sender, and one email from a metadata-only mailbox (no subject), as Attio returns them.
import { MEMBERS, seedUuid } from "./seed";
import type { EmailRow } from "./types";
import { attioTime } from "./util";

const [ADA, MAX] = MEMBERS;
const MAILBOX_ADA = seedUuid("3b", 1);
const MAILBOX_MAX = seedUuid("3b", 2);
const at = (day: number, hour: number) => attioTime(new Date(Date.UTC(2024, 1, day, hour)));

type Who = [address: string, name: string | null];
const ada: Who = [ADA.email_address, "Ada Admin"];
const max: Who = [MAX.email_address, "Max Member"];

function email(n: number, sent: string, subject: string | null, from: Who, to: Who[], cc: Who[] = []): EmailRow {
  const outbound = from === ada || from === max;
  return {
    id: seedUuid("e3", n),
    mailbox_id: from === max || to.includes(max) ? MAILBOX_MAX : MAILBOX_ADA,
    sent_at: sent,
    direction: outbound ? "outbound" : "inbound",
    subject_line: subject,
    participants: [
      { role: "from", email_address: from[0], name: from[1] },
      ...to.map(([email_address, name]) => ({ role: "to" as const, email_address, name })),
      ...cc.map(([email_address, name]) => ({ role: "cc" as const, email_address, name })),
    ],
  };
}

/** Newest first, as Attio lists them. */
export function seedEmails(): EmailRow[] {
  const ann: Who = ["ann@acme.com", "Ann Lee"];
  const bob: Who = ["bob@acme.com", "Bob Stone"];
  const carla: Who = ["carla@globex.com", "Carla Diaz"];
  const dan: Who = ["dan@initech.com", "Dan Brown"];
  const bot: Who = ["notifications@acme.com", null];
  return [
    email(1, at(20, 16), "Re: Renewal pricing", ann, [ada], [bob]),
    email(2, at(20, 9), "Renewal pricing", ada, [ann]),
    email(3, at(19, 14), "Your Acme invoice is ready", bot, [ada]),
    email(4, at(18, 11), "Pilot scope", max, [carla]),
    email(5, at(17, 10), null, carla, [max]),
    email(6, at(16, 15), "Upsell proposal", ada, [dan]),
    email(7, at(15, 12), "Re: Upsell proposal", dan, [ada]),
    email(8, at(14, 8), "Security questionnaire", bob, [ada, max]),
    email(9, at(12, 17), "Intro", ada, [ann]),
  ];
}
