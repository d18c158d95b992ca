// Test-only: a second held-out set for counterpart search, written on 2 December 2026 (issue 18,
// third pass) after the first held-out half had been measured too often to count as unseen. Like
// counterpart-pairs.ts it was written from reading both reports in full, before any scoring
// change of this pass and without running a matcher on it. It asks about clauses no earlier
// query asked about; some lie inside a sentence asked about before (a reader's highlight is often
// a clause), and `inside` says which, so a reader of the figures can weigh them.
//
// Nothing may be tuned on this set: bench/counterparts-quality.mjs prints it, the unit test only
// floors it, and the next scoring change after it is measured needs yet another set.
import type { CounterpartPair, LonePassage } from './counterpart-pairs.ts';

/** A fresh held-out label: which earlier query's sentence it lies inside, if any. */
type Fresh<T> = T & { readonly inside?: string };

// The other report's passages that are right answers, written once.
const N_CYBER =
  'Mr Johnson said the UK could not ignore events in Ukraine and Russian cyber activities';
const N_CYBERATTACKS = 'over alleged cyberattacks on the West';
const N_CYBERSPACE = "what's going on in cyberspace";
const N_HEADLINE = 'Boris Johnson and Sergei Lavrov clash during Moscow news conference';
const N_CLASHED =
  "British foreign secretary Boris Johnson has clashed with Russia's foreign minister over alleged cyberattacks on the West and activity in Ukraine.";
const N_BARBS =
  'After the talks finished, the pair appeared to exchange barbs in a news conference on several issues and, at times, it grew tense.';
const N_BETTER_FUTURE = 'we want to work to achieve a better future.';
const N_WAY_FORWARD = '"We have to find a way forward," added Mr Johnson.';

const B_CYBER_HEADING = 'Johnson warns Russia about Britain’s cyber warfare capabilities';
const B_CYBER_WARNED =
  'Johnson has warned his Russian counterpart< that Britain does not behave disruptively online but is capable of fighting fire with fire when it comes to cyber warfare tactics.';
const B_HEADLINE =
  "Boris Johnson just had an 'extraordinary' diplomatic spat with Russia in front of some journalists";
const B_JOUSTS =
  'Boris Johnson jousts with Russian counterpart in “extraordinary” Moscow press conference.';
const B_SPAT =
  'A joint press conference involving Boris Johnson and his Russian counterpart Sergey Lavrov descended into an extraordinary diplomatic spat on Friday.';
const B_FROSTY =
  'there was little sign of the frosty relationship thawing when he and Lavrov spoke to the media this morning.';
const B_EXCHANGE = 'BuzzFeed’s Emily Ashdown reports this extraordinary exchange:';
const B_EXTRAORDINARY =
  'ITV News journalist Amber de Botton, who was in the room, said the press conference was “extraordinary.”';
const B_IMPROVEMENT = 'Johnson said he wanted to see an “improvement” in diplomatic ties.';
const B_REPAIR = 'Johnson is in Russia to try and repair UK-Russia relations.';
const B_IMPROVE =
  'UK Foreign Secretary Johnson is in Moscow in an attempt to improve relations between London and Moscow';
const B_DETERIORATE =
  'following a period which has seen relations between London and Moscow deteriorate ever since the assassination of Alexander Litvinenko in 2006.';
const B_LOW =
  'The press conference kicked off with both politicians admitting that UK-Russia relations had reached a low.';

const CYBER_NEWSTALK = [N_CYBER, N_CYBERATTACKS, N_CYBERSPACE];
const CYBER_BUSINESS_INSIDER = [B_CYBER_HEADING, B_CYBER_WARNED];
const CLASH_NEWSTALK = [N_HEADLINE, N_CLASHED, N_BARBS];
const CLASH_BUSINESS_INSIDER = [
  B_HEADLINE,
  B_JOUSTS,
  B_SPAT,
  B_FROSTY,
  B_EXCHANGE,
  B_EXTRAORDINARY,
];

/** Same fact in both reports, never asked about before. */
export const FRESH_PAIRS: readonly Fresh<CounterpartPair>[] = [
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: N_CYBERATTACKS,
    businessInsider: B_CYBER_WARNED,
    alsoBusinessInsider: CYBER_BUSINESS_INSIDER,
    inside: 'the lead, asked about as a telling of the clash',
  },
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: N_CYBERSPACE,
    businessInsider: B_CYBER_HEADING,
    alsoBusinessInsider: CYBER_BUSINESS_INSIDER,
  },
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: N_CYBER,
    businessInsider: 'Britain does not behave disruptively online',
    alsoNewstalk: CYBER_NEWSTALK,
    inside: 'the warning, asked about whole',
  },
  {
    half: 'fresh',
    thread: 'cyber',
    newstalk: N_CYBER,
    businessInsider: 'capable of fighting fire with fire when it comes to cyber warfare tactics',
    alsoNewstalk: CYBER_NEWSTALK,
    inside: 'the warning, asked about whole',
  },
  {
    half: 'fresh',
    thread: 'tense press conference',
    newstalk: 'at times, it grew tense.',
    businessInsider: B_SPAT,
    alsoNewstalk: CLASH_NEWSTALK,
    alsoBusinessInsider: CLASH_BUSINESS_INSIDER,
    inside: 'the "exchange barbs" sentence',
  },
  {
    half: 'fresh',
    thread: 'tense press conference',
    newstalk: N_BARBS,
    businessInsider: 'when he and Lavrov spoke to the media this morning',
    alsoNewstalk: CLASH_NEWSTALK,
    alsoBusinessInsider: CLASH_BUSINESS_INSIDER,
    inside: 'the "frosty relationship" clause',
  },
  {
    half: 'fresh',
    thread: 'Johnson wants it better',
    newstalk: 'we want to work together with you on some issues, Sergei',
    businessInsider: B_IMPROVEMENT,
    alsoNewstalk: [N_BETTER_FUTURE, N_WAY_FORWARD],
  },
  {
    half: 'fresh',
    thread: 'aim of the visit',
    newstalk: 'to open up communication channels',
    businessInsider: B_REPAIR,
    alsoBusinessInsider: [B_IMPROVE],
    inside: 'the "attempt to open up communication channels" sentence',
  },
  {
    half: 'fresh',
    thread: 'years of hostility',
    newstalk: 'after years of hostility',
    businessInsider: B_DETERIORATE,
    alsoBusinessInsider: [B_FROSTY, B_LOW],
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
