// Test-only: a second held-out set for counterpart search, written on 2 December 2026 (issue 18,
// third pass) after the first held-out half had been measured too often to count as unseen. Like
// counterpart-pairs.ts it was written from reading both reports in full, before any scoring
// change of this pass and without running a matcher on it. It asks about clauses no earlier
// query asked about; some lie inside a sentence asked about before (a reader's highlight is often
// a clause), and `inside` says which, so a reader of the figures can weigh them.
//
// Nothing may be tuned on this set: bench/counterparts-quality.mjs prints it, the unit test only
// floors it, and the next scoring change after it is measured needs yet another set.
import { KEY_PASSAGES, type CounterpartPair, type LonePassage } from './counterpart-pairs.ts';

/** A fresh held-out label: which earlier query's sentence it lies inside, if any. */
type Fresh<T> = T & { readonly inside?: string };

// The key's passages that are right answers here too, written once (counterpart-pairs.ts).
const K = KEY_PASSAGES;
// Clauses of the key's passages, right answers here.
const N_CYBERATTACKS = 'over alleged cyberattacks on the West';
const N_CYBERSPACE = "what's going on in cyberspace";

const CYBER_NEWSTALK = [K.N_CYBER, N_CYBERATTACKS, N_CYBERSPACE];
const CYBER_BUSINESS_INSIDER = [K.B_CYBER_HEADING, K.B_CYBER_WARNED];

/** Same fact in both reports, never asked about before. */
export const FRESH_PAIRS: readonly Fresh<CounterpartPair>[] = [
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: N_CYBERATTACKS,
    businessInsider: K.B_CYBER_WARNED,
    alsoBusinessInsider: CYBER_BUSINESS_INSIDER,
    inside: 'the lead, asked about as a telling of the clash',
  },
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: N_CYBERSPACE,
    businessInsider: K.B_CYBER_HEADING,
    alsoBusinessInsider: CYBER_BUSINESS_INSIDER,
  },
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: K.N_CYBER,
    businessInsider: 'Britain does not behave disruptively online',
    alsoNewstalk: CYBER_NEWSTALK,
    inside: 'the warning, asked about whole',
  },
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: K.N_CYBER,
    businessInsider: 'capable of fighting fire with fire when it comes to cyber warfare tactics',
    alsoNewstalk: CYBER_NEWSTALK,
    inside: 'the warning, asked about whole',
  },
  {
    half: 'fresh',
    thread: 'tense press conference',
    newstalk: 'at times, it grew tense.',
    businessInsider: K.B_SPAT,
    alsoNewstalk: K.CLASH_NEWSTALK,
    alsoBusinessInsider: K.CLASH_BUSINESS_INSIDER,
    inside: 'the "exchange barbs" sentence',
  },
  {
    half: 'fresh',
    thread: 'tense press conference',
    newstalk: K.N_BARBS,
    businessInsider: 'when he and Lavrov spoke to the media this morning',
    alsoNewstalk: K.CLASH_NEWSTALK,
    alsoBusinessInsider: K.CLASH_BUSINESS_INSIDER,
    inside: 'the "frosty relationship" clause',
  },
  {
    half: 'fresh',
    thread: 'Johnson wants it better',
    newstalk: 'we want to work together with you on some issues, Sergei',
    businessInsider: K.B_IMPROVEMENT,
    alsoNewstalk: [K.N_BETTER_FUTURE, K.N_WAY_FORWARD],
  },
  {
    half: 'fresh',
    thread: 'aim of the visit',
    newstalk: 'to open up communication channels',
    businessInsider: K.B_REPAIR,
    alsoBusinessInsider: [K.B_IMPROVE],
    inside: 'the "attempt to open up communication channels" sentence',
  },
  {
    half: 'fresh',
    thread: 'years of hostility',
    newstalk: 'after years of hostility',
    businessInsider: K.B_DETERIORATE,
    alsoBusinessInsider: [K.B_FROSTY, K.B_LOW],
    inside: 'the "attempt to open up communication channels" sentence',
  },
];

/** Passages the other report has nothing on, never asked about before. */
export const FRESH_LONE_PASSAGES: readonly Fresh<LonePassage>[] = [
  {
    half: 'fresh',
    report: 'newstalk',
    passage:
      "The Russian foreign minister accused his British counterpart of being 'hostage' to allegations of Russian interference",
    tricky: 'Business Insider has Lavrov accusing Johnson, of contradicting him',
  },
  {
    half: 'fresh',
    report: 'newstalk',
    passage: 'and activity in Ukraine.',
    tricky: 'Business Insider never mentions Ukraine, but its lead is about the same clash',
  },
  {
    half: 'fresh',
    report: 'newstalk',
    passage: "whether it's over Ukraine or over the Western Balkans",
  },
  {
    half: 'fresh',
    report: 'newstalk',
    passage:
      "I agree with you that it's important to talk about these things and to be frank about them",
  },
  {
    half: 'fresh',
    report: 'newstalk',
    passage: 'the two countries needed to work together in the UN Security Council.',
    inside: 'the "also discussed Ukraine" sentence',
  },
  {
    half: 'fresh',
    report: 'businessInsider',
    passage:
      'to which the Conservative minister said it was Lavrov’s reputation which he worries about',
  },
  {
    half: 'fresh',
    report: 'businessInsider',
    passage: 'despite all that we have never taken any aggressive measures to reciprocate',
    tricky: 'Newstalk has Lavrov complaining of aggressive statements, not of measures',
  },
];
