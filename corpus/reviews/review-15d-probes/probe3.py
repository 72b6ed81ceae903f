import datetime
import sys

sys.path.insert(0, sys.argv[1])
from pipeline import load_nlp

nlp = load_nlp("en")
PUB = datetime.date(2025, 6, 17)
S = [
"Smith was ordered to pay the victim £500.",
"The court ordered the insurer to pay him £80,000.",
"A tribunal ordered her employer to pay her £30,000.",
"Police waited outside as 40 protesters were arrested.",
"Some 300 migrants waiting to cross the Channel were moved from the camp on Tuesday.",
"About 5,000 people waiting for evacuation were stranded by the floods.",
"At least 14 people died while waiting for an ambulance last winter.",
"Since its largest rival collapsed in 2022, the firm has hired 3,000 staff.",
"He was fined 5,000 francs (€5,200) and given 12 months in prison.",
"The company cut 400 jobs in March and announced 250 more on Monday.",
"Unemployment was 5.1% in May, compared with 4.9% in April and 4.2% a year earlier.",
"Revenue was €8bn in 2024, compared with a loss of €1bn in the previous year.",
"The judge ordered the two men to pay £12,000 each.",
"Officers recovered 30 stolen cars and £25,000 in cash during raids on Thursday.",
"The regulator raised its estimate of the bank's losses to $4bn.",
"The bank raised its interest rate forecast to 4.5%.",
]
for s in S:
    doc = nlp.make_doc(s); doc._.published = PUB
    facts = nlp(doc)._.facts
    print("##", s)
    for f in facts:
        print("   ", f["how_many"], "|", f.get("event_type"), "| who=", f.get("who"), "| when=", f.get("when_start"), f.get("when_end"))
