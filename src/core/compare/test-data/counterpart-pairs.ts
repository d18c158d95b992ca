// Test-only: a hand-made answer key for counterpart search between the two shipped reports of the
// 22 December 2017 Johnson–Lavrov press conference, written from reading both in full (not from
// any matcher's output). Every passage is an exact substring of the article's canonical text
// (see article-text.ts); a passage may be a clause, as a reader's highlight often is.
//
// The key is split in two halves by story thread, so that no query passage of the held-out half
// is a query of the tuning half: thresholds and weights are set on `tuning` only, and
// `heldOut` is only ever measured (bench/counterparts-quality.mjs prints both).

/**
 * Which part of the answer key a label belongs to: `fresh` is the second held-out set
 * (counterpart-fresh-held-out.ts), written once the first had been measured too often.
 */
export type Half = 'tuning' | 'heldOut' | 'fresh';

/** Which report a passage is in. */
export type Report = 'newstalk' | 'businessInsider';

/** Passages of the two reports that tell the same thing. */
export interface CounterpartPair {
  readonly half: Half;
  /** The story thread, shared by the pairs that tell one fact. */
  readonly thread: string;
  /** A passage of the Newstalk report. */
  readonly newstalk: string;
  /** A passage of the Business Insider report telling the same thing. */
  readonly businessInsider: string;
  /** Other Newstalk passages that tell it too, also right as an answer from `businessInsider`. */
  readonly alsoNewstalk?: readonly string[];
  /** Other Business Insider passages that tell it too, also right as an answer from `newstalk`. */
  readonly alsoBusinessInsider?: readonly string[];
}

/** A passage that the other report has nothing on: the right answer is no counterpart. */
export interface LonePassage {
  readonly half: Half;
  readonly report: Report;
  readonly passage: string;
  /** Why a matcher could be fooled, for the deliberately tricky ones. */
  readonly tricky?: string;
}

// Passages used by several pairs, written once.
const N_HEADLINE = 'Boris Johnson and Sergei Lavrov clash during Moscow news conference';
const N_CLASHED =
  "British foreign secretary Boris Johnson has clashed with Russia's foreign minister over alleged cyberattacks on the West and activity in Ukraine.";
const N_BARBS =
  'After the talks finished, the pair appeared to exchange barbs in a news conference on several issues and, at times, it grew tense.';
const N_BREXIT =
  'He also told Mr Lavrov that Russia had been unable to successfully meddle in the Brexit referendum.';
const N_AGGRESSIVE =
  'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.';
const N_INSULTING = 'after mentioning the series of insulting statements';
const N_ATTEMPT =
  'Mr Johnson was in Moscow in an attempt to open up communication channels after years of hostility.';
const N_DIFFICULT = 'He told Mr Lavrov before the talks got under way: "Things are difficult';
const N_BETTER_FUTURE = 'we want to work to achieve a better future.';
const N_DIFFICULTIES = '"And when I look at the difficulties in our relationship';
const N_PATCH =
  'it was a sad truth that UK-Russia relations were going through a "very difficult patch".';
const N_CYBER =
  'Mr Johnson said the UK could not ignore events in Ukraine and Russian cyber activities';
const N_WAY_FORWARD = '"We have to find a way forward," added Mr Johnson.';

const B_HEADLINE =
  "Boris Johnson just had an 'extraordinary' diplomatic spat with Russia in front of some journalists";
const B_JOUSTS =
  'Boris Johnson jousts with Russian counterpart in “extraordinary” Moscow press conference.';
const B_SPAT =
  'A joint press conference involving Boris Johnson and his Russian counterpart Sergey Lavrov descended into an extraordinary diplomatic spat on Friday.';
const B_REPAIR = 'Johnson is in Russia to try and repair UK-Russia relations.';
const B_IMPROVE =
  'UK Foreign Secretary Johnson is in Moscow in an attempt to improve relations between London and Moscow';
const B_FROSTY =
  'there was little sign of the frosty relationship thawing when he and Lavrov spoke to the media this morning.';
const B_EXCHANGE = 'BuzzFeed’s Emily Ashdown reports this extraordinary exchange:';
const B_NO_EVIDENCE = 'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.';
const B_NOT_SUCCESSFULLY = 'Johnson: Not successfully!';
const B_SOME_AGGRESSIVE =
  'accused the UK government of making “some aggressive statements” towards Vladimir Putin’s Russian government.';
const B_WE_HEAR = 'we hear some aggressive statements from London';
const B_LOW =
  'The press conference kicked off with both politicians admitting that UK-Russia relations had reached a low.';
const B_PILED_UP = 'Lavrov said problems between the countries had “piled up,”';
const B_IMPROVEMENT = 'Johnson said he wanted to see an “improvement” in diplomatic ties.';
const B_EXTRAORDINARY =
  'ITV News journalist Amber de Botton, who was in the room, said the press conference was “extraordinary.”';
const B_CYBER_HEADING = 'Johnson warns Russia about Britain’s cyber warfare capabilities';
const B_CYBER_WARNED =
  'Johnson has warned his Russian counterpart< that Britain does not behave disruptively online but is capable of fighting fire with fire when it comes to cyber warfare tactics.';
const B_FIRST_VISIT = 'Johnson is the first UK foreign secretary to visit Russia in five years';
const B_DETERIORATE =
  'following a period which has seen relations between London and Moscow deteriorate ever since the assassination of Alexander Litvinenko in 2006.';

// Every telling of the clash in each report: each of them is a right answer for the others.
const CLASH_NEWSTALK = [N_HEADLINE, N_CLASHED, N_BARBS];
const CLASH_BUSINESS_INSIDER = [
  B_HEADLINE,
  B_JOUSTS,
  B_SPAT,
  B_FROSTY,
  B_EXCHANGE,
  B_EXTRAORDINARY,
];
/** Passages of the key that the fresh held-out set (counterpart-fresh-held-out.ts) answers with. */
export const KEY_PASSAGES = {
  N_CYBER,
  N_BARBS,
  N_BETTER_FUTURE,
  N_WAY_FORWARD,
  B_CYBER_HEADING,
  B_CYBER_WARNED,
  B_SPAT,
  B_IMPROVEMENT,
  B_REPAIR,
  B_IMPROVE,
  B_DETERIORATE,
  B_FROSTY,
  B_LOW,
  CLASH_NEWSTALK,
  CLASH_BUSINESS_INSIDER,
};

const RELATIONS_LOW_NEWSTALK = [N_DIFFICULT, N_DIFFICULTIES, N_PATCH];
const RELATIONS_LOW_BUSINESS_INSIDER = [B_LOW, B_PILED_UP, B_FROSTY];

// Threads whose pairs all have the same other right answers.
const CLASH_THREAD = {
  thread: 'clash (headlines, leads)',
  alsoNewstalk: CLASH_NEWSTALK,
  alsoBusinessInsider: CLASH_BUSINESS_INSIDER,
};
const PRESS_CONFERENCE_THREAD = {
  thread: 'tense press conference',
  alsoNewstalk: CLASH_NEWSTALK,
  alsoBusinessInsider: CLASH_BUSINESS_INSIDER,
};
const RELATIONS_LOW_THREAD = {
  thread: 'relations at a low',
  alsoNewstalk: RELATIONS_LOW_NEWSTALK,
  alsoBusinessInsider: RELATIONS_LOW_BUSINESS_INSIDER,
};

/** Same fact in both reports. */
export const COUNTERPART_PAIRS: readonly CounterpartPair[] = [
  // The clash, as headlines and leads tell it.
  { half: 'tuning', newstalk: N_HEADLINE, businessInsider: B_JOUSTS, ...CLASH_THREAD },
  { half: 'tuning', newstalk: N_HEADLINE, businessInsider: B_HEADLINE, ...CLASH_THREAD },
  { half: 'tuning', newstalk: N_HEADLINE, businessInsider: B_SPAT, ...CLASH_THREAD },
  { half: 'tuning', newstalk: N_CLASHED, businessInsider: B_SPAT, ...CLASH_THREAD },
  { half: 'tuning', newstalk: N_CLASHED, businessInsider: B_HEADLINE, ...CLASH_THREAD },
  { half: 'tuning', newstalk: N_CLASHED, businessInsider: B_JOUSTS, ...CLASH_THREAD },
  // The press conference's tone, as the body tells it.
  { half: 'heldOut', newstalk: N_BARBS, businessInsider: B_SPAT, ...PRESS_CONFERENCE_THREAD },
  { half: 'heldOut', newstalk: N_BARBS, businessInsider: B_EXCHANGE, ...PRESS_CONFERENCE_THREAD },
  { half: 'heldOut', newstalk: N_BARBS, businessInsider: B_FROSTY, ...PRESS_CONFERENCE_THREAD },
  {
    half: 'heldOut',
    newstalk: N_BARBS,
    businessInsider: B_EXTRAORDINARY,
    ...PRESS_CONFERENCE_THREAD,
  },
  // Russian interference and Brexit.
  {
    half: 'heldOut',
    thread: 'interference in Brexit',
    newstalk:
      'Sergei Lavrov denied claims that Moscow had used the internet to interfere in democratic elections',
    businessInsider: B_NO_EVIDENCE,
    alsoNewstalk: [N_BREXIT],
  },
  {
    half: 'heldOut',
    thread: 'interference in Brexit',
    newstalk: N_BREXIT,
    businessInsider: B_NOT_SUCCESSFULLY,
    alsoBusinessInsider: [B_NO_EVIDENCE],
  },
  {
    half: 'heldOut',
    thread: 'interference in Brexit',
    newstalk: N_BREXIT,
    businessInsider: B_NO_EVIDENCE,
    alsoBusinessInsider: [B_NOT_SUCCESSFULLY],
  },
  // The first visit in five years.
  {
    half: 'tuning',
    thread: 'first visit in five years',
    newstalk:
      'when he travelled to Moscow for the first visit by a Foreign Secretary for five years.',
    businessInsider: B_FIRST_VISIT,
  },
  // The aggressive statements Lavrov complained of.
  {
    half: 'tuning',
    thread: 'aggressive statements',
    newstalk: N_AGGRESSIVE,
    businessInsider: B_SOME_AGGRESSIVE,
    alsoNewstalk: [N_INSULTING],
    alsoBusinessInsider: [B_WE_HEAR],
  },
  {
    half: 'tuning',
    thread: 'aggressive statements',
    newstalk: N_AGGRESSIVE,
    businessInsider: B_WE_HEAR,
    alsoNewstalk: [N_INSULTING],
    alsoBusinessInsider: [B_SOME_AGGRESSIVE],
  },
  {
    half: 'tuning',
    thread: 'aggressive statements',
    newstalk: N_INSULTING,
    businessInsider: B_SOME_AGGRESSIVE,
    alsoNewstalk: [N_AGGRESSIVE],
    alsoBusinessInsider: [B_WE_HEAR],
  },
  {
    half: 'tuning',
    thread: 'aggressive statements',
    newstalk: N_INSULTING,
    businessInsider: B_WE_HEAR,
    alsoNewstalk: [N_AGGRESSIVE],
    alsoBusinessInsider: [B_SOME_AGGRESSIVE],
  },
  // Why Johnson went, and the years of hostility before.
  {
    half: 'heldOut',
    thread: 'aim of the visit',
    newstalk: N_ATTEMPT,
    businessInsider: B_IMPROVE,
    alsoBusinessInsider: [B_REPAIR, B_DETERIORATE],
  },
  {
    half: 'heldOut',
    thread: 'aim of the visit',
    newstalk: N_ATTEMPT,
    businessInsider: B_REPAIR,
    alsoBusinessInsider: [B_IMPROVE, B_DETERIORATE],
  },
  {
    half: 'heldOut',
    thread: 'aim of the visit',
    newstalk: N_ATTEMPT,
    businessInsider: B_DETERIORATE,
    alsoBusinessInsider: [B_IMPROVE, B_REPAIR],
  },
  // Relations at a low.
  { half: 'heldOut', newstalk: N_PATCH, businessInsider: B_LOW, ...RELATIONS_LOW_THREAD },
  { half: 'heldOut', newstalk: N_DIFFICULT, businessInsider: B_LOW, ...RELATIONS_LOW_THREAD },
  { half: 'heldOut', newstalk: N_DIFFICULTIES, businessInsider: B_LOW, ...RELATIONS_LOW_THREAD },
  {
    half: 'heldOut',
    newstalk: N_DIFFICULTIES,
    businessInsider: B_PILED_UP,
    ...RELATIONS_LOW_THREAD,
  },
  { half: 'heldOut', newstalk: N_PATCH, businessInsider: B_FROSTY, ...RELATIONS_LOW_THREAD },
  // Johnson wants relations better.
  {
    half: 'tuning',
    thread: 'Johnson wants it better',
    newstalk: N_BETTER_FUTURE,
    businessInsider: B_IMPROVEMENT,
    alsoNewstalk: [N_WAY_FORWARD],
  },
  {
    half: 'tuning',
    thread: 'Johnson wants it better',
    newstalk: N_WAY_FORWARD,
    businessInsider: B_IMPROVEMENT,
    alsoNewstalk: [N_BETTER_FUTURE],
  },
  // Johnson confronts Russia over cyber activity.
  {
    half: 'tuning',
    thread: 'cyber',
    newstalk: N_CYBER,
    businessInsider: B_CYBER_WARNED,
    alsoBusinessInsider: [B_CYBER_HEADING],
  },
  {
    half: 'tuning',
    thread: 'cyber',
    newstalk: N_CYBER,
    businessInsider: B_CYBER_HEADING,
    alsoBusinessInsider: [B_CYBER_WARNED],
  },
];

/** Passages the other report has nothing on. */
export const LONE_PASSAGES: readonly LonePassage[] = [
  {
    half: 'heldOut',
    report: 'newstalk',
    passage:
      'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.',
    tricky:
      'Business Insider has Lavrov saying Johnson has "no evidence" on Brexit; the polls abroad are not in it',
  },
  {
    half: 'tuning',
    report: 'newstalk',
    passage:
      'Theresa May had earlier promised that Mr Johnson would take a "hard headed" approach to dealing with Russia',
    tricky: 'Business Insider quotes Theresa May too, on a different matter',
  },
  {
    half: 'heldOut',
    report: 'newstalk',
    passage:
      '"Where we can I think we can find positive cooperation on issues we have substantial interests in common," he said, referring to Iran, North Korea and Syria.',
  },
  {
    half: 'tuning',
    report: 'newstalk',
    passage:
      'Mr Lavrov said the pair had discussed Libya, Yemen, Iraq, Syria and North Korea and had agreed to discuss the impact of Brexit on UK-Russia ties.',
    tricky: 'shares Brexit and UK-Russia ties with Business Insider passages on other things',
  },
  {
    half: 'heldOut',
    report: 'newstalk',
    passage:
      'He said they had also discussed Ukraine, but failed to say if anything had been agreed, other than that the two countries needed to work together in the UN Security Council.',
  },
  {
    half: 'tuning',
    report: 'newstalk',
    passage:
      "He said the both countries' ability to tackle terrorism was constrained by the UK's refusal to fully cooperate with the Russian security service the FSB.",
  },
  {
    half: 'heldOut',
    report: 'newstalk',
    passage: 'said he trusted Mr Johnson and was happy to call him by his first name.',
  },
  {
    half: 'tuning',
    report: 'newstalk',
    passage: '"We have a duty to work together for peace and security," he added.',
  },
  {
    half: 'heldOut',
    report: 'newstalk',
    passage:
      '"We are ready to develop dialogue on a very wide range of issues on the basis of principles of equality (and) taking into account and respecting each other\'s interests," Mr Lavrov said.',
    tricky:
      'Business Insider has Johnson wanting better diplomatic ties, not Lavrov offering talks',
  },
  {
    half: 'tuning',
    report: 'newstalk',
    passage: 'accused Mr Johnson of being a "hostage" of untrue Western narratives on the issue.',
    tricky: 'Business Insider has Lavrov accusing Johnson too, of contradicting him',
  },
  {
    half: 'heldOut',
    report: 'newstalk',
    passage: 'and the problems faced by gay people in Chechnya',
  },
  {
    half: 'tuning',
    report: 'businessInsider',
    passage: 'Johnson: It’s your reputation I worry about!',
  },
  {
    half: 'heldOut',
    report: 'businessInsider',
    passage:
      'Lavrov: He’s afraid that if he doesn’t contradict me his reputation is going to be ruined.',
  },
  {
    half: 'tuning',
    report: 'businessInsider',
    passage:
      'The UK Foreign Secretary said he was worried about Sergey Lavrov’s reputation after the Russian foreign minister accused Johnson of deliberately contradicting him.',
    tricky:
      'Newstalk’s standfirst also has "the Russian foreign minister accused his British counterpart", of something else',
  },
  {
    half: 'heldOut',
    report: 'businessInsider',
    passage:
      'Lavrov accused Johnson of deliberately contradicting him in order to protect his reputation',
    tricky: 'Newstalk has Lavrov accusing Johnson of being a "hostage", a different charge',
  },
  {
    half: 'tuning',
    report: 'businessInsider',
    passage:
      'GCHQ recently told the Intelligence and Security Committee that Britain has developed “the full spectrum” of offensive cyber weapons, “from tactical stuff [redacted] right through to what we would say is the high end of counter-state offensive cyber capabilities which might never be used.”',
  },
  {
    half: 'heldOut',
    report: 'businessInsider',
    passage:
      'Johnson’s warning to Russia comes after Theresa May last month accused the Kremlin of running a covert propaganda war using fake news to “sow discord” in the west and “meddle in elections.”',
    tricky:
      'Newstalk has Theresa May, "meddle" and "elections", each in a passage about something else',
  },
  {
    half: 'tuning',
    report: 'businessInsider',
    passage:
      'The prime minister said in a November speech that the west needed to tackle Putin’s regime which had become the biggest threat facing “open economies and free societies” across the globe.',
  },
  {
    half: 'heldOut',
    report: 'businessInsider',
    passage:
      '“Honestly I cannot remember any actions of Russia that would have been aggressive towards the UK',
    tricky:
      'Newstalk has Lavrov complaining of aggressive statements by London, not denying aggression',
  },
  {
    half: 'tuning',
    report: 'businessInsider',
    passage: 'Lavrov later denied any aggression towards Britain on Russia’s behalf',
    tricky:
      'Newstalk has "Lavrov denied" claims of interference and London\'s aggressive statements',
  },
];
