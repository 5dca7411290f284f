"""Names and adjectives of states other than the DPRK, as reports write them, for screening.

A listed state body's name is often one that every state has ("Ministry of Defence",
"Strategic Rocket Forces"); found inside a string that gives it another state ("Ministry of
Defence of the Russian Federation", "the Russian Ministry of Defence"), it names that
state's body, not the listed one. Sources: the English short and formal names of ISO 3166-1
(the states of the Panel of Experts' reports and of the 1718 list's addresses), their usual
adjectives and abbreviations (ROK, PRC, US, UK, UAE); compiled for this project 2026-12-02.
Folded as names are (lower case, no punctuation). Hong Kong and Macao are left out: the
DPRK's front companies are registered there, and "a Hong Kong company" describes them.
"""

from __future__ import annotations

FOREIGN_STATES: frozenset[str] = frozenset("""
russia|russian|russian federation|china|chinese|people s republic of china|prc|
republic of korea|rok|south korea|south korean|korea republic|
united states|united states of america|us|u s|usa|american|japan|japanese|iran|iranian|islamic republic of iran|
syria|syrian|syrian arab republic|myanmar|burma|burmese|egypt|egyptian|pakistan|pakistani|india|indian|
vietnam|viet nam|vietnamese|malaysia|malaysian|singapore|singaporean|mongolia|mongolian|ukraine|ukrainian|
belarus|belarusian|libya|libyan|sudan|sudanese|cuba|cuban|taiwan|taiwanese|thailand|thai|indonesia|indonesian|
philippines|philippine|united arab emirates|uae|emirati|turkey|turkiye|turkish|germany|german|france|french|
united kingdom|uk|britain|great britain|british|israel|israeli|iraq|iraqi|yemen|yemeni|eritrea|eritrean|
uganda|ugandan|angola|angolan|namibia|namibian|tanzania|tanzanian|ethiopia|ethiopian|nigeria|nigerian|
south africa|south african|brazil|brazilian|mexico|mexican|canada|canadian|australia|australian|
cambodia|cambodian|laos|lao|bangladesh|bangladeshi|sri lanka|nepal|kazakhstan|uzbekistan|kyrgyzstan|
tajikistan|turkmenistan|azerbaijan|georgia|armenia|saudi arabia|saudi|qatar|qatari|kuwait|kuwaiti|oman|
omani|bahrain|jordan|jordanian|lebanon|lebanese|algeria|algerian|morocco|moroccan|tunisia|tunisian|
italy|italian|spain|spanish|poland|polish|czech republic|czechia|czech|netherlands|dutch|belgium|belgian|
switzerland|swiss|austria|austrian|sweden|swedish|norway|norwegian|finland|finnish|denmark|danish|greece|greek|
romania|romanian|bulgaria|bulgarian|serbia|serbian|hungary|hungarian|panama|panamanian|sierra leone|togo|
togolese|marshall islands|nicaragua|venezuela|venezuelan
""".replace("\n", "").split("|"))
MAX_STATE_WORDS = max(len(name.split()) for name in FOREIGN_STATES)
