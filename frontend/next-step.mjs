// The next step below an answer: "Vraag een offerte" or "Plan een gesprek", from the provider's contact details in
// the page (aanbieder.toml, written into the answer template's [data-next-step] block at build time):
//   - an e-mail address: a mailto: link whose subject and body hold the summary (the same text as "Kopieer
//     samenvatting"), the apply-by date and the link to this calculation. The page sends nothing: the visitor's
//     mail program opens, and the visitor decides to send it;
//   - else a contact or booking page: a link to it;
//   - else a phone number: a tel: link;
//   - else the provider's website, with a hint to copy the summary (it holds the link to this calculation) and
//     mention that link there;
//   - else (no website given) the site's contact page.
// An answer without support gets words that fit it ("Bespreek met ons wat wel kan"), and an answer whose year's cap
// is used up says so. What happened is the answer's own summary code (the package decides it); every word is in the
// page's data-text-* attributes; this module only chooses and fills them in.

function fillIn(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
}

// What the answer's summary says happened: "support" (or no service asked yet), "refused" (the enterprise or every
// service is refused) or "cap" (the year's cap is used up).
const OUTCOMES = { "samenvatting.geen_steun": "refused", "samenvatting.plafond_op": "cap" };

export function outcome(answer) {
  return OUTCOMES[answer.summary && answer.summary.code] || "support";
}

// Whether the answer gives no support at all.
export function withoutSupport(answer) {
  return outcome(answer) !== "support";
}

// The earliest apply-by date of the answer's timeline, as the answer writes it ("18 december 2026"), or "".
export function applyBy(answer) {
  const entries = [...(answer.timeline || [])].sort((a, b) => a.apply_by.localeCompare(b.apply_by));
  return entries.length ? entries[0].display.apply_by : "";
}

// The e-mail's subject and body (lines joined with CRLF, as RFC 6068 asks for mailto: bodies).
export function mailParts(texts, answer, summary, link) {
  const refused = withoutSupport(answer);
  const values = {
    diensten: answer.services.map((service) => service.display.label).join(", "),
    steun: answer.display.support_total_rounded || answer.display.support_total || "",
    datum: applyBy(answer),
    link,
  };
  let subject = refused ? texts.textSubjectRefused : answer.services.length ? texts.textSubject : texts.textSubjectGeneral;
  subject = fillIn(subject, values).replaceAll("\u00a0", " ");
  const lines = [fillIn(refused ? texts.textBodyRefused : texts.textBody, values), "", summary.trim(), ""];
  if (values.datum && !refused) lines.push(fillIn(texts.textApplyBy, values));
  lines.push(fillIn(texts.textLink, values));
  return { subject, body: lines.join("\n").replace(/\r?\n/g, "\r\n").replaceAll("\u00a0", " ") };
}

export function mailtoHref(address, parts) {
  return `mailto:${address}?subject=${encodeURIComponent(parts.subject)}&body=${encodeURIComponent(parts.body)}`;
}

// Fill the view's next-step block. summary: the answer as plain text (render.mjs answerText, without the address);
// link: the absolute address of this calculation.
export function showNextStep(view, answer, summary, link) {
  const block = view.querySelector("[data-next-step]");
  if (!block) return null;
  const texts = block.dataset;
  const refused = withoutSupport(answer);
  const anchor = block.querySelector("[data-next-link]");
  const lead = block.querySelector("[data-next-lead]");
  const privacy = block.querySelector("[data-next-privacy]");
  const copyHint = block.querySelector("[data-next-copy]");
  const leads = { support: texts.textLead, refused: texts.textLeadRefused, cap: texts.textLeadCap };
  lead.textContent = leads[outcome(answer)];
  privacy.hidden = true;
  if (copyHint) copyHint.hidden = true;
  let way;
  if (texts.email) {
    way = "email";
    anchor.href = mailtoHref(texts.email, mailParts(texts, answer, summary, link));
    anchor.textContent = refused ? texts.textDiscuss : texts.textQuote;
    privacy.hidden = false;
  } else if (texts.contactUrl) {
    way = "contact-url";
    anchor.href = texts.contactUrl;
    anchor.textContent = refused ? texts.textDiscuss : texts.textMeeting;
  } else if (texts.phone) {
    way = "phone";
    anchor.href = `tel:${texts.phoneLink}`;
    anchor.textContent = fillIn(texts.textCall, { telefoon: texts.phone });
  } else if (texts.website) {
    way = "website";
    anchor.href = texts.website;
    anchor.textContent = texts.textWebsite;
    if (copyHint) copyHint.hidden = false;
  } else {
    way = "contact-page";
    anchor.href = texts.contactPage;
    anchor.textContent = refused ? texts.textDiscuss : texts.textContact;
  }
  block.dataset.way = way;
  block.dataset.refused = String(refused);
  block.dataset.outcome = outcome(answer);
  block.hidden = false;
  return block;
}
