"""The English vocabulary of attribution, shared by the people and quotes extractors.

News prose marks who said what with a small, stable vocabulary: a few dozen speech
verbs, auxiliaries that may sit between subject and verb, titles that precede a name,
and pronouns that point back to one. Keeping these lists in one place lets the people
index and the quote attributor agree on what a title or a pronoun is.

Every pattern here is compiled once at import and is built from alternations of
literal words or single character classes, so matching is linear in the input.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "AUXILIARIES",
    "CAPITALS",
    "CLAUSE_BOUNDARIES",
    "COUNTRIES",
    "FEMALE_TITLES",
    "FUNCTION_WORDS",
    "MALE_TITLES",
    "MEDIUM",
    "MONTHS_DAYS",
    "ORG_WORDS",
    "PARTICIPLE_CUES",
    "PLACE_WORDS",
    "ROLE_NOUNS",
    "SPEECH_CUES",
    "TELL_CUES",
    "THOUGHT_CUES",
    "TIME_WORDS",
    "TITLE_WORDS",
]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Verbs that report speech, in the forms news copy uses. Infinitives ("say") are left
# out where they mostly appear after modals in non-attributive use ("I can't say").
SPEECH_CUES: Final = _words(
    """
    said says say saying told tells telling added adds adding wrote writes writing
    stated declared declares announced announces noted notes noting explained explains
    argued argues arguing insisted insists warned warns warning claimed claims claiming
    asserted asserts maintained maintains acknowledged acknowledges admitted admits
    conceded concedes confirmed confirms denied denies reported reports replied replies
    responded responds answered asked asks tweeted tweets posted continued
    continues concluded concludes recalled recalls remarked observed observes
    predicted predicts promised promises vowed vows pledged pledges suggested suggests
    stressed stresses emphasized emphasizes emphasised emphasises contended contends
    countered counters complained complains cautioned cautions agreed agrees disclosed
    discloses revealed reveals estimated alleged alleges charged quipped
    joked shouted yelled assured assures boasted boasts indicated indicates testified
    testifies announcing explaining insisting predicting suggesting stressing
    conceding acknowledging reiterated reiterates added underscored underlined
    written wrote proclaimed proclaims exclaimed explained mused wondered pressed
    retorted interjected scoffed laughed sighed snapped chided teased bragged pleaded
    demanded cried screamed whispered muttered deadpanned gushed fumed cracked
    calculated concluded found finds showed shows demanding reckoned realized
    realised recognized recognised learned decided determined assumed agreed guaranteed
    doubted disputed signaled signalled implied hinted mentioned reminded informed ruled
    allowed allows conceded complained projected forecast forecasts calculated insisted
    contend contends argue acknowledge claim insist warn suggest predict
    endorsed endorses criticized criticised criticizes praised praises defended defends
    rejected rejects dismissed dismisses blasted slammed condemned condemns welcomed
    welcomes called calls urged urges described describes proposed proposes questioned
    accused accuses blamed blames announced announces
    supported opposed highlighted cited sought seeks
    offered attacked touted promoted mocked
    applauded embraced referring calling describing praising
    criticizing criticising accusing urging blaming
    """
)

# Verbs whose object is the addressee ("told Reuters that ...").
TELL_CUES: Final = _words(
    "told tells telling assured assures warned warns reminded reminds informed informs asked asks "
    "urged urges"
)

# Thought and belief verbs: attributions of a different kind ("cue type thought").
THOUGHT_CUES: Final = _words(
    """
    believes believed believe thinks thought think feels felt hopes hoped fears feared
    expects knows knew worries worried suspects suspected
    """
)

# A participle after a comma continues the attribution of its clause's subject
# ("..., saying the stakes were too high").
PARTICIPLE_CUES: Final = _words(
    "saying adding telling noting arguing warning insisting claiming explaining stressing "
    "declaring announcing suggesting predicting conceding acknowledging writing referring "
    "calling describing praising criticizing criticising accusing urging blaming"
)

# Words that may sit between a subject and its speech verb ("Kyiv has also said").
AUXILIARIES: Final = _words(
    """
    has had have having would will could may might also later previously then again once
    further repeatedly recently publicly privately earlier separately reportedly
    subsequently initially first last already never not still just quickly immediately
    """
)

# Words that end a noun phrase when read backwards from a verb: conjunctions,
# subordinators, relative pronouns, prepositions (other than "of"/"for", which belong to
# role phrases) and finite forms of "be"/"do" and modals.
CLAUSE_BOUNDARIES: Final = _words(
    """
    that which who whom whose but and or nor because while when as if although though
    after before since where so than until unless whether what how why to in on at with
    from by into about over under against during through without within upon via
    is was were are be been being am do does did not can could should must shall
    will would may might has had have then also yet
    """
)

# Capitalised only because they start a sentence: never part of a name.
FUNCTION_WORDS: Final = _words(
    """
    the a an this that these those it its he she they we i you his her their our my your
    but and or so yet for nor in on at to of by with from as if when while after before
    since because although though however meanwhile also still then there here now today
    yesterday tomorrow instead indeed nevertheless together elsewhere addressing asked
    according despite during under over about what who why how where which some many most
    all both each every no not one two three other another such more less several few
    among amid following under without within throughout across beyond including
    i'm i’m there's there’s let's let’s it's it’s that's that’s here's here’s what's what’s
    we're we’re they're they’re you're you’re he's he’s she's she’s
    """
)

MONTHS_DAYS: Final = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    """
)

# Time expressions that may follow a speech verb before its content ("said on Tuesday").
TIME_WORDS: Final = MONTHS_DAYS | _words(
    """
    today yesterday tonight earlier later recently last this next week month year morning
    afternoon evening night weekend on in late early previously friday's day days ago
    """
)

# Words that make a capitalised run a title rather than a name ("Defense Secretary").
TITLE_WORDS: Final = _words(
    """
    president vice prime minister secretary general senator sen sen. rep rep. representative
    gov gov. governor mayor judge justice chief executive officer director chairman
    chairwoman chair speaker leader majority minority attorney commander lt lt. gen gen.
    col col. maj maj. capt capt. sgt sgt. adm adm. dr dr. mr mr. mrs mrs. ms ms. miss sir
    dame lord lady king queen prince princess pope rev rev. father sheikh ayatollah
    ambassador deputy acting former first foreign defense defence interior finance health
    state home chancellor premier spokesman spokeswoman spokesperson envoy commissioner
    congressman congresswoman councillor councilman councilwoman assemblyman
    assemblywoman candidate nominee adviser advisor aide officials official professor
    prof prof. coach manager captain superintendent inspector sheriff colonel major
    sergeant lieutenant admiral marshal emir crown ceo cfo founder
    """
)

# Lower-case heads of role descriptions ("the mayor", "a company spokesman").
ROLE_NOUNS: Final = _words(
    """
    president minister secretary senator governor mayor judge justice chief director
    chairman chairwoman speaker leader attorney commander ambassador chancellor premier
    spokesman spokeswoman spokesperson envoy commissioner congressman congresswoman
    adviser advisor aide official officials candidate nominee professor coach manager
    captain sheriff general colonel officer executive analyst economist lawyer
    founder head chair ceo
    """
)

MALE_TITLES: Final = _words("mr mr. sir lord king prince father he him his")
FEMALE_TITLES: Final = _words("mrs mrs. ms ms. miss dame lady queen princess she her")

# Capitals and seats of power that speak for their governments ("Moscow said ...").
CAPITALS: Final = _words(
    """
    washington moscow kyiv kiev beijing london paris berlin tokyo tehran brussels
    jerusalem damascus baghdad kabul ankara cairo riyadh delhi islamabad seoul pyongyang
    minsk warsaw rome madrid ottawa canberra havana caracas pretoria nairobi doha
    """
)

# Words that make a capitalised run a place rather than a person.
PLACE_WORDS: Final = _words(
    """
    new north south east west united saudi san los las hong sri el st st. fort port
    plant factory river street square airport station bridge city county region
    province island islands mountain mountains lake sea ocean valley building tower
    palace road avenue district republic kingdom states emirates gulf bay coast
    """
)

# Capitalised words that make a run an organisation.
ORG_WORDS: Final = _words(
    """
    party ministry department office council committee commission agency army navy
    forces force police union corp corp. inc inc. ltd ltd. co co. company group bank
    university college institute foundation association court senate house congress
    parliament assembly administration government campaign times post news journal
    network press service services board authority bureau fund organization
    organisation federation league club team church school hospital centre center
    coalition alliance intelligence guard reuters nato un eu fbi cia pentagon kremlin
    """
)

# Countries and country-like names that speak as states ("Ukraine says ...").
COUNTRIES: Final = _words(
    """
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia
    cameroon canada chile china colombia congo croatia cuba cyprus czechia denmark
    ecuador egypt england eritrea estonia ethiopia finland france georgia germany ghana
    greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia
    lebanon libya lithuania luxembourg malaysia mali malta mexico moldova mongolia
    montenegro morocco mozambique myanmar nepal netherlands nicaragua niger nigeria norway
    oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania
    russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain
    sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey
    turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia
    zimbabwe america u.s. us usa u.k. uk
    """
)

# How the words were delivered, when the text says so right after the verb.
MEDIUM: Final = re.compile(
    r"(?:on|in|at|during|via|through)[ \t]+(?:(?:a|an|the|his|her|their|its|state|national|local)[ \t]+)?"
    r"(?:television|TV|radio|Twitter|X|Facebook|Instagram|Telegram|TikTok|YouTube|social[ \t]+media"
    r"|statement|interview|address|speech|video|post|tweet|letter|email|e-mail|blog[ \t]+post"
    r"|news[ \t]+conference|press[ \t]+conference|press[ \t]+briefing|briefing|podcast|op-ed"
    r"|televised[ \t]+address|video[ \t]+address|conference[ \t]+call|message|memo|report)\b"
    r"|online\b"
)
