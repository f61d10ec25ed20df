using System.Text.RegularExpressions;

namespace MentorNudge.Core.Content.Coaching;

// The vocabulary of the ask coach. Longer than ~300 lines would be a smell; it is one table of
// patterns, grouped by what they recognise, and AskRules decides how they combine.
internal static partial class AskPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>True when the clause asks something of the reader (a question, "could you", "I'd love"…).</summary>
    public static bool IsRequest(string clause, string previousClause)
    {
        if (NotAnAsk().IsMatch(clause) || Pleasantry().IsMatch(clause) || Thanks().IsMatch(clause))
        {
            return false;
        }

        // "Which step did you find riskiest?" after "One question:" is the request itself.
        return clause.EndsWith('?') || RequestMarker().IsMatch(clause) || OneQuestionLead().IsMatch(previousClause) && previousClause.Length > 0;
    }

    public static bool EndsWithAbbreviation(string textUpToDot) => Abbreviation().IsMatch(textUpToDot);

    [GeneratedRegex(@"\b(?:dr|mr|mrs|ms|prof|st|vs|e\.g|i\.e|etc|sr|jr)\.$", Options)]
    private static partial Regex Abbreviation();

    // Clauses that explicitly ask nothing: "no need to reply", "no ask here", "if you ever write…, I'd love to read it".
    [GeneratedRegex(@"\bno\s+(?:need|reply|response|action|ask)\b.*?\b(?:needed|to\s+(?:reply|answer|respond)|here)\b|\bno\s+(?:ask|reply\s+needed|need\s+to)\b|\b(?:don't|do\s+not)\s+need\s+anything\b|^if\s+you\s+ever\b|\bi'?m\s+not\s+asking\b|\bnot\s+writing\s+to\s+(?:push|ask)", Options)]
    public static partial Regex NotAnAsk();

    [GeneratedRegex(@"^(?:hi|hello|hey|dear)?[\w\s.,!'-]{0,30}?\b(?:how\s+are\s+you|how\s+have\s+you\s+been|how'?s\s+(?:it\s+going|life|everything)|hope\s+(?:you(?:'re|\s+are)\s+(?:well|doing\s+well|keeping\s+well)|all\s+is\s+well|this\s+(?:message|email|mail|note)\s+finds\s+you)|long\s+time\s+no\s+see)\b", Options)]
    private static partial Regex Pleasantry();

    [GeneratedRegex(@"^(?:and\s+)?(?:thank\s+you|thanks|many\s+thanks|thanking\s+you|congrat\w*|wishing\s+you|good\s+luck|cheers|best|kind\s+regards|warmly|respectfully)\b(?![^?]*\?)", Options)]
    private static partial Regex Thanks();

    [GeneratedRegex(
        @"\b(?:could|would|can|will|might)\s+(?:you|u|i|we)\b|\bmay\s+i\b|\bwould\s+it\s+be\s+possible\b|\blet\s+me\s+know\b|\blet'?s\b|\bplease\b|\bpls\b|\bkindly\s+(?:do|share|send|let|reply|advise|help|guide|give|provide|look|check|confirm|consider)\b"
        + @"|\bi'?d\s+(?:really\s+|very\s+much\s+|so\s+|also\s+)?(?:love|like|be\s+(?:very\s+|really\s+|so\s+)?(?:grateful|honou?red|thankful|glad|happy)|appreciate|welcome|value)\b"
        + @"|\bi\s+would\s+(?:really\s+|very\s+much\s+|so\s+)?(?:love|like|be|appreciate|give|welcome|value)\b|\b(?:i'?m|i\s+am)\s+(?:\w+\s+)?(?:hoping|looking\s+for|searching\s+for)\b|\bhoping\s+(?:you|to|for)\b"
        + @"|\b(?:wondering|wondered|wonder)\s+(?:if|whether)\b|\bany\s+chance\b|\bi\s+(?:want|wanted)\s+to\s+(?:ask|know)\b|\bi\s+(?:really\s+|still\s+)?need\s+(?:your|someone|you|help|a)\b"
        + @"|\bit\s+would\s+(?:be|mean)\b|\b(?:would|will)\s+(?:really\s+)?(?:love|mean\s+(?:a\s+lot|so\s+much|the\s+world|a\s+great\s+deal|everything)|be\s+(?:great|wonderful|amazing|lovely))\b|\b(?:really\s+)?appreciated?\b|\bgrateful\s+for\b|\bopen\s+to\b|\bup\s+for\b"
        + @"|\bdo\s+(?:you|u)\s+have\s+(?:time|a\s+(?:minute|moment)|\d+)\b|\bwe\s+should\b|^(?:coffee|lunch|drinks)\b|\b(?:i'?m|i\s+am)\s+(?:still\s+)?(?:keen|curious)\b|\b(?:reply|answer|response|sentence|line|word|yes\s+or\s+no)\b[^.?]*\bis\s+(?:plenty|enough|fine|perfect|great|all\s+i\s+need)\b|\bthe\s+question\b[^.]*\bstill\s+stands\b",
        Options)]
    private static partial Regex RequestMarker();

    [GeneratedRegex(@"\b(?:one|a|1|my|two)\s+(?:quick\s+|small\s+|short\s+|specific\s+|simple\s+)?(?:question|q|thing)s?\s*(?:remains|is\s+this)?\s*:?\s*$|\bquick\s+(?:one|q|question)\s*:?\s*$|\bmy\s+one\s+request\s*:?\s*$|\bhere'?s\s+(?:my\s+)?(?:one\s+)?(?:question|one)\b", Options)]
    public static partial Regex OneQuestionLead();

    // ---- generic mentorship: an open relationship rather than a piece of help ----
    [GeneratedRegex(
        @"\b(?:be|become|being|as)\s+my\s+(?:\w+\s+)?(?:mentor|guide|teacher|coach|sponsor|sensei|guru|advisor|adviser|role\s+model|go-to\s+person)\b|\bmentor(?:ing)?\s+me\b|\bmentee(?:s)?\b|\bprot[eé]g[eé](?:e|s)?\b"
        + @"|\bunder\s+your\s+(?:wing|guidance)\b|\bshow\s+me\s+the\s+ropes\b|\b(?:your|an?)\s+apprentice\b|\byour\s+disciple\b|\btake\s+me\s+on\b|\bteach\s+me\s+everything\b|\blearn\s+everything\s+you\s+know\b"
        + @"|\bguide\s+me\s+(?:over|through|in|as|on|during|along|for)\b|\bguide\s+me\b(?=[^.?]*\b(?:year|career|path|journey)s?\b)|\bsponsor(?:ing)?\s+me\b|\badvocat(?:e|ing)\s+for\s+me\b|\bmy\s+sponsor\b"
        + @"|\bmentoring\s+relationship\b|\bboard\s+of\s+advisors\b|\blist\s+of\s+mentors\b|\bsomeone\s+(?:i\s+can\s+)?(?:to\s+)?(?:check\s+in\s+with|go\s+to|meet\s+with\s+regularly|in\s+my\s+corner)\b|\bsomeone\s+senior\s+in\s+my\s+corner\b"
        + @"|\b(?:meet|meeting|talk|check\s+in)\s+(?:with\s+(?:you\s+)?)?(?:regularly|monthly|weekly|quarterly|every\s+(?:few\s+)?(?:week|month)s?)\b(?=[^.?]*\b(?:progress|growth|grow|career|path)\b)|\bweekly\s+(?:\d+-minute\s+)?call\s+to\s+go\s+over\s+my\b"
        + @"|\b(?:looking|searching|hoping)\s+for\s+a\s+mentor\b|\bsomeone\s+(?:senior\s+)?(?:who'?ll|who\s+will|to)\s+(?:show|guide|teach)\s+me\b|\bstudy\s+under\b|\bone\s+of\s+them\b(?=.*prot)",
        Options)]
    public static partial Regex GenericMentor();

    [GeneratedRegex(@"\b(?:that\s+person|as\s+one|that|it|one\s+of\s+them)\b[?.!]*$", Options)]
    public static partial Regex PointsBack();

    [GeneratedRegex(@"\b(?:it|this|that|them)\b", Options)]
    public static partial Regex ReferencesBack();

    [GeneratedRegex(@"\b(?:how|what|which|when|why|where)\b", Options)]
    public static partial Regex QuestionWord();

    // ---- pick your brain / a chat with no topic ----
    [GeneratedRegex(@"\bpick(?:ing)?\s+(?:your|ur|you're)\s+brains?\b|\bbrain\s+to\s+pick\b|\bborrow\s+your\s+brain\b|\btap\s+(?:into\s+)?your\s+(?:expertise|knowledge|experience|brain|wisdom)\b|\blearn\s+from\s+(?:you|your\s+(?:experience|journey|expertise|career))\b|\bhear\s+(?:more\s+)?about\s+your\s+experience\b|\byour\s+(?:insights|wisdom|perspective)\b|\brun\s+(?:a\s+few|some)\s+things\s+by\s+you\b|\bexchange\s+ideas\b|\btalk\s+shop\b", Options)]
    public static partial Regex BrainIdiom();

    [GeneratedRegex(@"\b(?:coffee|lunch|drinks|dinner|call|zoom|chat|catch\s+up|meet(?:\s+up)?|sit\s+down|talk|conversation|minutes\s+of\s+your\s+time)\b", Options)]
    public static partial Regex Meeting();

    // ---- specificity ----
    [GeneratedRegex(
        @"\bany\s+(?:advice|tips|guidance|thoughts|wisdom|pointers|insights|suggestions|intros|introductions|direction|input|help)\b|\bsome\s+(?:advice|guidance|tips|direction|help|queries|insights|pointers)\b|\b(?:a\s+few|some|a\s+bunch\s+of|lots\s+of)\s+(?:things|questions|queries)\b|\ba\s+bunch\b"
        + @"|\b(?:general|career)\s+advice\b|\badvi[cs]e\s+(?:me\s+)?(?:about|on|in)\s+my\s+(?:career|situation|life|future)\b|\bhelp\s+(?:me\s+)?with\s+my\s+career\b|\b(?:grow|advance|progress|succeed)\s+(?:in\s+my\s+career|professionally)\b|\bhow\s+(?:i\s+can|to)\s+grow\b|\bto\s+grow\b\??$"
        + @"|\bget\s+better\s+at\b|\bmy\s+(?:future|next\s+(?:steps|move)|journey|path)\b|\bthe\s+road\s+ahead\b|\beverything\b|\ball\s+of\s+(?:it|this|that)\b|\bit\s+all\b|\bthe\s+whole\s+\w+|\bin\s+general\b|\ball\s+things\b|\bthe\s+(?:tech\s+)?industry\b|\bthe\s+startup\s+world\b|\bbreaking\s+into\b|\bstarting\s+out\b"
        + @"|\bon\s+my\s+situation\b|\bwhat\s+to\s+do\s+(?:next|with\s+my)\b|\bbest\s+path\s+forward\b|\bsome\s+direction\b|\bhow\s+you\s+think\s+about\b|\babout\s+(?:careers?|freelancing|opportunities|the\s+field)\b|\bhelp\s+me\s+out\b|\btake\s+a\s+look\b|\bwhat\s+do\s+you\s+think\s+about\s+the\b",
        Options)]
    public static partial Regex VaguePhrase();

    // "any thoughts on the draft, specifically line 12": a vague word narrowed to one point.
    [GeneratedRegex(@"\bspecifically\b|\bin\s+particular\b|\b(?:questions?|things?)\s+about\s+(?:how|which|whether|why)\b|\bline\s+\d+|\bsection\s+\d+", Options)]
    public static partial Regex Narrowed();

    [GeneratedRegex(
        @"^(?:(?:hi|hey|hello|dear)(?:\s+[\w.'-]+){0,3}\s*,\s*)?(?:(?:hi|hey|hello|so|and|but|now|also|quick\s+one|quick\s+q|one\s+question|my\s+question\s+is\s+this)[\s,:!-]+)*(?:is|are|do|does|did|should|would\s+you\s+(?:accept|prefer|mind|recommend|pick|take|choose|cut|say)|can\s+(?:it|i\s+use)|have\s+you|will|was|were)\b(?!\s+(?:you|u)\s+(?:have\s+(?:time|a\s+(?:minute|moment)|any)|free|available|ever\s+take))(?=.*\?\s*$)"
        + @"|\b(?:which|what|how|whether|why|who|where)\b(?=.*\?\s*$)|\bwhen\b(?!\s+(?:works|suits|you(?:'re|\s+are)\s+free|you\s+have|is\s+(?:good|convenient)|it'?s\s+convenient))(?=.*\?\s*$)"
        + @"|\b(?:tell|ask|know|hear|explain|share|answer|wonder\w*|curious|decide|learn|talk\s+through|think\s+through|advise|reply|view|opinion)\s+(?:me\s+|you\s+)?(?:\w+\s+){0,4}?(?:about\s+|on\s+)?(?:how|which|what|whether|why|where|who)\b"
        + @"|\b(?:on|about)\s+(?:how|which|what|whether|why)\b|\b(?:know|ask|tell\s+me|check)\s+if\s+(?:the|your|our|my|this|these|those)\s+(?!schedule|calendar|time|availability)|\b(?:the|my|a)\s+question\s+(?:i|from|about|on)\b|\b(?:the|one)\s+(?:one\s+)?thing\s+you\b|\bbetween\s+\w+|\b\w+\s+or\s+\w+\?$",
        Options)]
    public static partial Regex QuestionForm();

    [GeneratedRegex(
        @"\b(?:send|share|forward|sign|confirm|introduce\s+me\s+to|intro\s+to|review|look\s+at|glance\s+at|walk\s+(?:me|you)\s+through|write|recommend|mention|visit|shadow|publish|post|borrow|answer|use|cite|be\s+one\s+of\s+my)\s+(?:me\s+|over\s+)?(?:the|my|our|your|a|an|one|it|this|that|\d+|just|some\s+time)\b(?![^.?]*\b(?:some|any)\s+(?:queries|things)\b)"
        + @"|\b(?:take|view|opinion|feedback|thoughts|input|eyes)\s+on\s+(?:the|our|my|this)\s+(?!whole|situation|career|future)\w+|\bhelp\s+with\s+the\s+\w+|\bsend\s+it\b|\b(?:writing|sending|sharing|reviewing|giving|forwarding)\s+(?:me\s+)?(?:a|an|the|my|our|your)\b|\bgive\s+a\b|\btell\s+(?!me\b)\w+\s+(?:that|you|about)\b|\bone\s+of\s+my\s+references\b|\b(?:a|my)\s+reference\b|\bthe\s+(?:link|slides|name|contact|form|template|source|title)\b|\bguest\s+posts?\b|\bhire\s+interns\b|\bone\s+question\s+about\s+(?:the|your|how)\b",
        Options)]
    public static partial Regex Deliverable();

    // ---- a named action: "could you proofread the abstract", "may I quote your post", "would you be a judge at our hackathon" ----
    // The request's head; what follows it is the action and its object (see NamedAction).
    [GeneratedRegex(@"\b(?:(?:could|would|can|will|might)\s+(?:you|u)|if\s+you\s+(?:could|would|can)|(?:could|can|may|might)\s+i|i'?d\s+(?:like|love)\s+to|i\s+would\s+(?:like|love)\s+to|i\s+(?:want|wanted)\s+to\s+(?:invite|ask)\s+you\s+to|i\s+need\s+you\s+to|(?=i\s+(?:really\s+|still\s+)?need\s+your\b)i\s+(?:really\s+|still\s+)?need)\s+(?:(?:please|kindly|possibly|perhaps|still|also|just|maybe)\s+)*(?:(?:be\s+(?:able|willing|happy|open)\s+to|mind|consider|agree\s+to)\s+)?", Options)]
    public static partial Regex ActionHead();

    // Actions that stay open whatever their object: help, advice, a meeting, learning from them.
    [GeneratedRegex(@"^(?:help|assist|support|advise|guide|coach|teach|mentor\s+me|talk|chat|speak\s+(?:with|to)|meet|connect|catch|grab|hop|jump|sit\s+down|get\s+(?:together|coffee|on)|have\s+(?:a|some)\s+(?:chat|call|coffee|conversation|talk)|spare|find\s+time|keep\s+me|give\s+(?:me\s+)?(?:some|any|a\s+hand)|tell\s+me\s+more|learn|hear|pick|tap|borrow\s+your\s+(?:brain|time)|think|figure|reflect|explore|navigate|grow|point\s+me|stay\s+in\s+touch|be\s+(?:there|around|available|free))\b", Options)]
    public static partial Regex VagueAction();

    // Objects that name no task: advice, a chat, "my career", "things".
    [GeneratedRegex(@"^(?:advice|tips?|guidance|thoughts?|wisdom|insights?|perspectives?|views?|opinions?|input|ideas?|experiences?|expertise|knowledge|careers?|situation|life|future|path|journey|growth|direction|help|support|things?|stuff|everything|anything|something|industry|field|world|space|areas?|chat|call|coffee|conversation|meeting|look|hand|favou?r|way|questions?|queries|resources|brain|mind|story|background|goals?|plans?|options|lot|few|chance|opportunit(?:y|ies)|steps?|moves?|skills?|network|contacts|person|people|friend|sounding|board|it|them|this|that)$", Options)]
    public static partial Regex VagueObject();

    // Durations are not objects: "shadow you for a day during the next release" is about the release.
    [GeneratedRegex(@"^(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|mornings?|afternoons?|evenings?|weekends?|moment|while|bit|quarters?|semesters?|terms?)$", Options)]
    public static partial Regex Duration();

    [GeneratedRegex(@"^(?:[\w\s.]{0,30},\s*)?(?:how\s+are\s+you|how\s+have\s+you\s+been|how'?s\s+it\s+going|are\s+you\s+(?:free|available)|would\s+that\s+be\s+(?:possible|ok(?:ay)?)|(?:does|would)\s+that\s+work|is\s+that\s+ok(?:ay)?|(?:any\s+)?thoughts\s*\??$|can\s+we\s+talk|when\s+(?:do\s+)?you\s+have\s+free\s+time|would\s+you\s+(?:be\s+)?(?:open\s+to|that\s+person|consider\s+it|up\s+for)\s+(?:that|it)?\??$|could\s+you\s+consider\s+it)\b", Options)]
    public static partial Regex EmptyQuestion();

    // ---- size and time bound ----
    [GeneratedRegex(
        @"\b(?:\d{1,3}|a|one|two|five|ten|fifteen|twenty|thirty)[- ]?(?:min|mins|minute|minutes|hour)\b|\bhalf\s+an\s+hour\b|\bfor\s+a\s+day\b|\b(?:one|a\s+single|single|1|two|2)\s+(?:more\s+)?(?:quick\s+|short\s+|specific\s+|small\s+|simple\s+)?(?:question|thing|word|sentence|line|name|title)s?\b"
        + @"|\b(?:one|two|1|2)[- ](?:line|sentence|word)\b|\b(?:one|two|a\s+few)\s+(?:or\s+(?:two|three)\s+)?(?:lines|sentences)\b|\ba\s+sentence(?:\s+or\s+two)?\b|\bin\s+a\s+sentence\b"
        + @"|\b(?:short|quick|brief)\s+(?:\w+\s+)?(?:reply|answer|email|e-mail|note|response|call|chat|conversation|coffee|one|q|question|piece)\b|\bquick\s+one\b|\byes\s*(?:or|/)\s*no\b|\bglance\s+at\b|\bjust\s+the\s+(?:first|link|title|name)\b"
        + @"|\ba\s+(?:link|title|name|range|yes)\b|\bthe\s+(?:[\w-]+\s+){0,2}?(?:link|slides|contact|form|template|source|name|data)\b|\bsend\s+(?:it|them)\s+over\b|\bone[- ](?:page|pager)\b|\bhalf\s+a\s+page\b|\b\d+\s+words\b|\bintro(?:duction)?\s+to\s+(?:your|one|a)\b|\bintroduce\s+me\s+to\s+one\b|\bsign\s+a\b|\bconfirm\b|\bit'?s\s+one\s+page\b|\bin\s+one\s+line\b|\b(?:it|form|this)\s+(?:is\s+)?(?:short|quick|brief)\b",
        Options)]
    public static partial Regex Bounded();

    [GeneratedRegex(@"\bonce\s+a\s+(?:week|month)\b|\bevery\s+(?:few\s+)?(?:week|month|other\s+week|sunday|monday|quarter)s?\b|\b(?:weekly|monthly|fortnightly|quarterly|regularly|ongoing)\b|\bfor\s+the\s+next\s+(?:\w+\s+)?(?:months|weeks|years)\b|\b(?:over|for)\s+the\s+(?:next|coming)\s+(?:\w+\s+)?(?:year|years)\b|\bgoing\s+forward\b|\bfor\s+long\s+time\b|\bfor\s+as\s+long\s+as\b|\bminutes\s+a\s+(?:week|month)\b", Options)]
    public static partial Regex Recurring();

    // ---- personalisation: their work, or a context you share ----
    [GeneratedRegex(
        @"\b(?:used|took|followed|tried|applied|implemented|borrowed|read)\s+your\b|(?<!\b(?:love|like|want|need|appreciate|value|welcome|get|hear|seek|ask\s+for)\s+(?:\w+\s+)?)\byour\s+(?:advice|suggestion|framing|feedback|comments?|recommendation|review|intro|introduction|sponsorship|mentoring|method|example|pointer)s?\b"
        + @"|\b(?:your|ur)\s+(?:[\w'-]+\s+){0,3}?(?:talk|article|post|blog|book|paper|podcast|keynote|newsletter|thread|essay|research|project|repo|repository|library|course|video|presentation|piece|interview|episode|launch|workshop|lecture|series|write-?up|demo|announcement|charter|runbook|guide|tool|framework|work|playbook|checklist|slides?|deck|rubric|notes|handbook|template|study|report|seminar|class|readme|webinar|memoir|editorials?|substack|linter|module|wiki|letter|list|chapter|answer|comment|question|promotion|migration|dashboard|integration|hackathon|kitchen|cto|cfo|retro|guild|review)s?\b"
        + @"|\byou\s+(?:once\s+|also\s+)?(?:wrote|said|shared|built|published|presented|gave|led|ran|described|created|designed|suggested|recommended|launched|open-sourced|demoed|mentioned|told\s+me|showed|made|supervised|taught|asked|did|know\s+my)\b|\byou'?ve\s+(?:run|built|led|written|been\s+\w+ing)\b|\byou(?:'re|\s+are)\s+(?:speaking|presenting|giving)\b"
        + @"|\b(?:we|you\s+and\s+i)\s+(?:met|worked|sat|talked|spoke|discussed)\b|\bworked\s+together\b|\bworking\s+with\s+you\b|\bour\s+(?:chat|coffee|call|dinner|meeting|conversation|last\s+\w+)\b|\bat\s+the\s+(?:\w+\s+){0,2}?(?:offsite|kickoff|meetup|conference|workshop|summit|dinner|wedding|barbecue|q&a|meeting|all-hands)\b"
        + @"|\b(?:thank\s+you|thanks)\s+(?:again\s+|so\s+much\s+|very\s+much\s+)?for\s+(?!your\s+time|reading|considering|your\s+consideration|the\s+consideration)(?:the\s+|your\s+|\w+ing\b)|\bcongrat\w*\s+on\b|\b(?:my\s+)?former\s+(?:manager|student|teacher|colleague)\b|\byour\s+former\s+student\b|\bsince\s+we\b|\bwhen\s+we\b|\bthe\s+same\s+move\s+you\b",
        Options)]
    public static partial Regex Personal();

    // ---- value already given, stated in the text ----
    [GeneratedRegex(@"\bi\s+(?:\w+\s+)?(?:shared|translated|cited|bought|amplified|credited)\b[^.]*\b(?:your|you|credit)\b|\bleft\s+a\s+review\b|\bcredited\s+to\s+you\b|\bwith\s+(?:credit|a\s+link\s+back)\b|\bsent\s+(?:you\s+)?a\s+(?:small\s+)?(?:\w+\s+)?(?:pr|pull\s+request|patch|fix)\b", Options)]
    public static partial Regex ValueGiven();

    // ---- guilt trips: pressure, obligation, reproach for silence ----
    [GeneratedRegex(
        @"\bjust\s+bump|\bbump(?:ing)?\s+(?:this|it|my)\b|\b(?:as\s+)?per\s+my\s+(?:last|previous|earlier)\s+(?:e-?mail|message|note)\b|\bdid\s+(?:you\s+(?:see|get|receive|read)|my\s+(?:last\s+)?(?:e-?mail|message)\s+reach)\s+(?:my\s+)?(?:last\s+|previous\s+|earlier\s+)?(?:e-?mail|message|note|you)\b"
        + @"|\b(?:haven't|have\s+not|hadn't|not)\s+(?:heard|received)\s+(?:back|anything|any\s+(?:answer|reply|response))\b|\bdidn't\s+(?:get|receive|hear)\s+(?:a\s+|any\s+)?(?:response|reply|answer)\b|\bstill\s+waiting\b|\bfollowing\s+up\s+again\b|\blost\s+in\s+your\s+inbox\b|\btop\s+of\s+your\s+inbox\b|\bgot\s+buried\b"
        + @"|\bhaven't\s+heard\s+from\s+you\b|\bfollowing\s+up\s+on\s+my\s+(?:previous|last|earlier)\s+(?:e-?mail|message|note)\b|\b(?:nudging|pinging|following\s+up|reaching\s+out|checking\s+in|bumping)\s+(?:you\s+)?(?:again|once\s+more)\b|\b(?:must|might|may)\s+have\s+seen\s+my\b"
        + @"|\bin\s+case\s+you\s+missed\b|\bas\s+i\s+(?:mentioned|said)\s+(?:before|earlier|previously)\b|\bresending\b|\b(?:third|second|fourth|fifth)\s+(?:e-?mail|message|time)\b|\bcourtesy\s+of\s+a\s+reply\b|\bafter\s+all\s+(?:the|i've|i\s+have|i)\b|\bwithout\s+any\s+(?:response|reply|answer)\b|\bwith\s+no\s+reply\b"
        + @"|\bignor(?:ing|ed)\s+me\b|\bfeel\s+(?:a\s+bit\s+)?ignored\b|\b(?:last\s+try|one\s+last\s+time)\b|\bonly\s+take\s+you\s+a\s+minute\b|\bsurely\s+you\b|\byou\s+promised\b|\bit'?s\s+been\s+a\s+(?:week|month|while)\.|\bmake\s+time\s+for\s+mine\b|\bhurtful\b|\bdisappoint(?:ing|ed)\b|\bsurprised\s+not\s+to\b"
        + @"|\bhaven't\s+answered\b|\bhate\s+to\s+think\b|\bcan't\s+find\s+\w+\s+minutes\b|\blet\s+me\s+down\b|\bwaited\s+long\s+enough\b|\bdesperate\b|\bso\s+hard\s+to\s+answer\b|\b(?:especially\s+)?since\s+i\s+(?:helped|supported|shared)\b|\bi\s+wrote\s+(?:to\s+)?you\s+(?:twice|several|three)\b|\bwritten\s+to\s+you\s+several\b|\b(?:really\s+)?like\s+an\s+answer\b|\burgent\s+for\s+me\b",
        Options)]
    public static partial Regex GuiltPhrase();

    [GeneratedRegex(@"\bcircl(?:ing|e)\s+back\b", Options)]
    public static partial Regex CirclingBack();

    [GeneratedRegex(@"^\s*to\s+(?:the|your)\s+(?:\w+\s+){0,2}?(?:you\s+(?:asked|raised|suggested|mentioned)|question\s+you|point\s+you|idea\s+you)", Options)]
    public static partial Regex CirclingBackToThem();

    // ---- specifics the rewrite keeps ----
    [GeneratedRegex(@"^\s*(?i:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|bonjour|yo)\s+(?<name>(?:(?i:dr|mr|mrs|ms|mme|prof|professor|chef|sir|madam)\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)", RegexOptions.CultureInvariant)]
    public static partial Regex Greeting();

    [GeneratedRegex(@"\b(?:your|ur)\s+(?:[\w'-]+\s+){0,3}?(?:talk|article|post|blog|book|paper|podcast|keynote|newsletter|thread|essay|project|library|course|presentation|workshop|lecture|series|write-?up|demo|guide|tool|playbook|checklist|template|seminar|class|readme|webinar|memoir|runbook)s?(?:\s+(?:on|about|at|for)\s+[\w'-]+(?:\s+(?!(?:changed|was|is|are|has|have|helped|made|and|but|which|that|in|last|really|got|saved|stayed|is|to|with|when|i|we|you|so)\b)[\w'-]+){0,3})?", Options)]
    public static partial Regex WorkReference();

    [GeneratedRegex(@"\b(?:\d{1,3}|five|ten|fifteen|twenty|thirty)[- ]?(?:min|mins|minute|minutes)\b(?:\s+(?:in\s+the\s+(?:next|coming)\s+\w+(?:\s+\w+)?|next\s+\w+|this\s+\w+|sometime\s+\w+(?:\s+\w+)?))?|\b(?:sometime|some\s+time)\s+(?:next|this|in\s+the\s+next)\s+\w+(?:\s+\w+)?|\b(?:next|this)\s+(?:week|month|tuesday|monday|wednesday|thursday|friday)\b|\bbefore\s+(?:friday|the\s+\d+\w*|june|the\s+end\s+of\s+the\s+\w+)\b", Options)]
    public static partial Regex TimeOffered();
}
