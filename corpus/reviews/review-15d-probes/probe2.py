import datetime
import sys

sys.path.insert(0, sys.argv[1])
from pipeline import load_nlp

nlp = load_nlp("en")
PUB = datetime.date(2025, 6, 17)
S = [
"Since the biggest storm of the decade hit in March, 4,000 homes have been rebuilt.",
"Exports fell to £3bn in May. Imports were steady. The figure was the lowest since 2020.",
"Exports fell to £3bn in May. Imports rose to £4bn. The figure was a record.",
"Police are waiting for 12 suspects to be extradited from Spain.",
"Some 2,000 workers are still waiting to be paid £4m in back wages.",
"Rescuers waited for hours as 30 miners were trapped underground on Monday.",
"Analysts lowered their forecast for Tesco's profit to £2.9bn.",
"The bank cut its forecast for the government's deficit to £120bn.",
"The company lowered its revenue forecast for the unit to $1.1bn.",
"The court ordered Jones to pay the victim £2,000, and the victim's family was awarded £10,000.",
"Magistrates ordered the landlord to pay a tenant, Sarah Moss, £3,200.",
"The lender said it had raised its forecast for bad loans to £900m.",
"Officers seized £50,000 from the suspects, who had stolen £200,000 in cash.",
"The company's profit was $3bn in 2024, compared with $2.5bn in 2023 and $2.1bn in 2022.",
]
for s in S:
    doc = nlp.make_doc(s); doc._.published = PUB
    facts = nlp(doc)._.facts
    print("##", s)
    for f in facts:
        print("   ", f["how_many"], "|", f.get("event_type"), "| who=", f.get("who"), "| when=", f.get("when_start"), f.get("when_end"))
