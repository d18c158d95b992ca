// Test-only: a hand-made answer key for counterpart search between the two shipped reports of the
// 22 December 2017 Johnson–Lavrov press conference, written from reading both in full. Every
// passage is an exact substring of the article's canonical text (see article-text.ts).

/** Passages of the two reports that tell the same thing. */
export interface CounterpartPair {
  /** A passage of the Newstalk report. */
  readonly newstalk: string;
  /** A passage of the Business Insider report telling the same thing. */
  readonly businessInsider: string;
  /** Other Newstalk passages that tell it too, also right as an answer from `businessInsider`. */
  readonly alsoNewstalk?: readonly string[];
  /** Other Business Insider passages that tell it too, also right as an answer from `newstalk`. */
  readonly alsoBusinessInsider?: readonly string[];
  /** What both report. */
  readonly fact: string;
}

/** Which report a passage is in. */
export type Report = 'newstalk' | 'businessInsider';

/** A passage that the other report has nothing on: the right answer is no counterpart. */
export interface LonePassage {
  readonly report: Report;
  readonly passage: string;
  /** Why a matcher could be fooled, for the deliberately tricky ones. */
  readonly tricky?: string;
}

/** Same fact in both reports. */
export const COUNTERPART_PAIRS: readonly CounterpartPair[] = [
  {
    fact: 'the two ministers clashed at a press conference in Moscow',
    newstalk: 'Boris Johnson and Sergei Lavrov clash during Moscow news conference',
    businessInsider:
      'Boris Johnson jousts with Russian counterpart in “extraordinary” Moscow press conference.',
    alsoBusinessInsider: [
      "Boris Johnson just had an 'extraordinary' diplomatic spat with Russia in front of some journalists",
      'A joint press conference involving Boris Johnson and his Russian counterpart Sergey Lavrov descended into an extraordinary diplomatic spat on Friday.',
    ],
  },
  {
    fact: 'the clash, told in the opening paragraph',
    newstalk:
      "British foreign secretary Boris Johnson has clashed with Russia's foreign minister over alleged cyberattacks on the West and activity in Ukraine.",
    businessInsider:
      'A joint press conference involving Boris Johnson and his Russian counterpart Sergey Lavrov descended into an extraordinary diplomatic spat on Friday.',
    alsoNewstalk: ['Boris Johnson and Sergei Lavrov clash during Moscow news conference'],
    alsoBusinessInsider: [
      'Boris Johnson jousts with Russian counterpart in “extraordinary” Moscow press conference.',
      "Boris Johnson just had an 'extraordinary' diplomatic spat with Russia in front of some journalists",
    ],
  },
  {
    fact: 'the press conference grew tense',
    newstalk:
      'After the talks finished, the pair appeared to exchange barbs in a news conference on several issues and, at times, it grew tense.',
    businessInsider:
      'there was little sign of the frosty relationship thawing when he and Lavrov spoke to the media this morning.',
    alsoNewstalk: ['Boris Johnson and Sergei Lavrov clash during Moscow news conference'],
    alsoBusinessInsider: [
      'A joint press conference involving Boris Johnson and his Russian counterpart Sergey Lavrov descended into an extraordinary diplomatic spat on Friday.',
      'Boris Johnson jousts with Russian counterpart in “extraordinary” Moscow press conference.',
      'ITV News journalist Amber de Botton, who was in the room, said the press conference was “extraordinary.”',
    ],
  },
  {
    fact: 'the first visit by a British foreign secretary in five years',
    newstalk:
      'when he travelled to Moscow for the first visit by a Foreign Secretary for five years.',
    businessInsider: 'Johnson is the first UK foreign secretary to visit Russia in five years',
  },
  {
    fact: 'Johnson went to Moscow to open up or improve relations',
    newstalk:
      'Mr Johnson was in Moscow in an attempt to open up communication channels after years of hostility.',
    businessInsider:
      'UK Foreign Secretary Johnson is in Moscow in an attempt to improve relations between London and Moscow',
    alsoBusinessInsider: ['Johnson is in Russia to try and repair UK-Russia relations.'],
  },
  {
    fact: 'the aim of the visit, told in the standfirst',
    newstalk:
      'Mr Johnson was in Moscow in an attempt to open up communication channels after years of hostility.',
    businessInsider: 'Johnson is in Russia to try and repair UK-Russia relations.',
    alsoBusinessInsider: [
      'UK Foreign Secretary Johnson is in Moscow in an attempt to improve relations between London and Moscow',
    ],
  },
  {
    fact: 'Lavrov said London made aggressive statements',
    newstalk:
      'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.',
    businessInsider: 'we hear some aggressive statements from London',
    alsoBusinessInsider: [
      'accused the UK government of making “some aggressive statements” towards Vladimir Putin’s Russian government.',
    ],
  },
  {
    fact: 'Lavrov complained of the statements (Newstalk mentions them again later)',
    newstalk: 'Mr Lavrov added, after mentioning the series of insulting statements',
    businessInsider:
      'Lavrov later denied any aggression towards Britain on Russia’s behalf and accused the UK government of making “some aggressive statements” towards Vladimir Putin’s Russian government.',
    alsoNewstalk: [
      'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.',
    ],
    alsoBusinessInsider: ['we hear some aggressive statements from London'],
  },
  {
    fact: 'Johnson said Russia had not meddled successfully in Brexit',
    newstalk:
      'He also told Mr Lavrov that Russia had been unable to successfully meddle in the Brexit referendum.',
    businessInsider: 'Johnson: Not successfully!',
    alsoBusinessInsider: [
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
    ],
  },
  {
    fact: 'the Brexit interference exchange, from Lavrov’s side',
    newstalk:
      'He also told Mr Lavrov that Russia had been unable to successfully meddle in the Brexit referendum.',
    businessInsider: 'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
    alsoBusinessInsider: ['Johnson: Not successfully!'],
  },
  {
    fact: 'both admitted relations were at a low',
    newstalk:
      'it was a sad truth that UK-Russia relations were going through a "very difficult patch".',
    businessInsider:
      'The press conference kicked off with both politicians admitting that UK-Russia relations had reached a low.',
  },
  {
    fact: 'things are difficult, Johnson wants them better',
    newstalk:
      'He told Mr Lavrov before the talks got under way: "Things are difficult but we want to work together with you on some issues, Sergei, and we want to work to achieve a better future.',
    businessInsider:
      'Lavrov said problems between the countries had “piled up,” while Johnson said he wanted to see an “improvement” in diplomatic ties.',
    alsoBusinessInsider: [
      'The press conference kicked off with both politicians admitting that UK-Russia relations had reached a low.',
    ],
  },
  {
    fact: 'Lavrov denied Russian interference, Johnson said there was evidence',
    newstalk:
      'Sergei Lavrov denied claims that Moscow had used the internet to interfere in democratic elections',
    businessInsider: 'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
    alsoNewstalk: [
      'He also told Mr Lavrov that Russia had been unable to successfully meddle in the Brexit referendum.',
      'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.',
    ],
  },
];

/** Passages the other report has nothing on. */
export const LONE_PASSAGES: readonly LonePassage[] = [
  {
    report: 'newstalk',
    passage:
      'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.',
    tricky:
      'Business Insider has Lavrov saying Johnson has "no evidence" on Brexit; the polls abroad are not in it',
  },
  {
    report: 'newstalk',
    passage:
      'Theresa May had earlier promised that Mr Johnson would take a "hard headed" approach to dealing with Russia',
    tricky: 'Business Insider quotes Theresa May too, on a different matter',
  },
  {
    report: 'newstalk',
    passage:
      '"Where we can I think we can find positive cooperation on issues we have substantial interests in common," he said, referring to Iran, North Korea and Syria.',
  },
  {
    report: 'newstalk',
    passage:
      'Mr Lavrov said the pair had discussed Libya, Yemen, Iraq, Syria and North Korea and had agreed to discuss the impact of Brexit on UK-Russia ties.',
    tricky: 'shares Brexit and UK-Russia ties with Business Insider passages on other things',
  },
  {
    report: 'newstalk',
    passage:
      'He said they had also discussed Ukraine, but failed to say if anything had been agreed, other than that the two countries needed to work together in the UN Security Council.',
  },
  {
    report: 'newstalk',
    passage:
      "He said the both countries' ability to tackle terrorism was constrained by the UK's refusal to fully cooperate with the Russian security service the FSB.",
  },
  {
    report: 'newstalk',
    passage: 'said he trusted Mr Johnson and was happy to call him by his first name.',
  },
  {
    report: 'newstalk',
    passage: '"We have a duty to work together for peace and security," he added.',
  },
  {
    report: 'businessInsider',
    passage: 'Johnson: It’s your reputation I worry about!',
  },
  {
    report: 'businessInsider',
    passage:
      'Lavrov: He’s afraid that if he doesn’t contradict me his reputation is going to be ruined.',
  },
  {
    report: 'businessInsider',
    passage:
      'The UK Foreign Secretary said he was worried about Sergey Lavrov’s reputation after the Russian foreign minister accused Johnson of deliberately contradicting him.',
    tricky:
      'Newstalk’s standfirst also has "the Russian foreign minister accused his British counterpart", of something else',
  },
  {
    report: 'businessInsider',
    passage:
      'GCHQ recently told the Intelligence and Security Committee that Britain has developed “the full spectrum” of offensive cyber weapons, “from tactical stuff [redacted] right through to what we would say is the high end of counter-state offensive cyber capabilities which might never be used.”',
  },
  {
    report: 'businessInsider',
    passage:
      'following a period which has seen relations between London and Moscow deteriorate ever since the assassination of Alexander Litvinenko in 2006.',
  },
  {
    report: 'businessInsider',
    passage:
      'Johnson’s warning to Russia comes after Theresa May last month accused the Kremlin of running a covert propaganda war using fake news to “sow discord” in the west and “meddle in elections.”',
    tricky:
      'Newstalk has Theresa May, "meddle" and "elections", each in a passage about something else',
  },
  {
    report: 'businessInsider',
    passage:
      'The prime minister said in a November speech that the west needed to tackle Putin’s regime which had become the biggest threat facing “open economies and free societies” across the globe.',
  },
];
