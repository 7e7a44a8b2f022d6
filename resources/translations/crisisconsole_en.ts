<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../ui/import_child.py" line="140" />
        <source>het importproces stopte onverwacht (code {code}); wat al was ingelezen blijft bewaard, de rest niet. {tail[0]}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="25" />
        <source>Over crisisconsole</source>
        <translation>About crisisconsole</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="26" />
        <source>Crisisconsole</source>
        <translation>Crisis console</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="30" />
        <source>geen database geopend</source>
        <translation>no database open</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="33" />
        <source>Versie:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="34" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="35" />
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="41" />
        <source>Logboek, totaalbeeld en maatregelen voor de directe ondersteuner van de burgemeester.</source>
        <translation>Log, situational picture and measures for the mayor's direct aide.</translation>
    </message>
</context>
<context>
    <name>AddCardDialog</name>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="77" />
        <source>Nieuwe persoonskaart</source>
        <translation>New person card</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="80" />
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="81" />
        <location filename="../../ui/dialogs/card_dialogs.py" line="95" />
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="84" />
        <source>gescheiden door komma's</source>
        <translation>separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="87" />
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="91" />
        <source>bijv. organisator demonstratie</source>
        <translation>e.g. organiser of the demonstration</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="92" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="92" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="93" />
        <source>Aliassen</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="94" />
        <source>Geboortejaar</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="96" />
        <source>Rol in de crisis</source>
        <translation>Role in the crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="101" />
        <source>Alleen wat het doel vraagt (minimale gegevens).</source>
        <translation>Only what the purpose needs (minimal data).</translation>
    </message>
</context>
<context>
    <name>AddFactDialog</name>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="135" />
        <source>Feit toevoegen — %1</source>
        <translation>Add fact — %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="146" />
        <source>— kies een kanaal —</source>
        <translation>— choose a channel —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="156" />
        <source>bijv. B2 (optioneel)</source>
        <translation>e.g. B2 (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="159" />
        <source>Niet verder verstrekken</source>
        <translation>No onward sharing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="160" />
        <source>Bewering</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="161" />
        <source>Briefingvraag</source>
        <translation>Briefing question</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="162" />
        <source>Bronorganisatie</source>
        <translation>Source organisation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="163" />
        <source>Functionaris</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="164" />
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="164" />
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="165" />
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="166" />
        <source>Betrouwbaarheid</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="167" />
        <source>Beoordeling</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="168" />
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="219" />
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="232" />
        <source>Niet opgeslagen: onverwachte fout (zie log).</source>
        <translation>Not saved: unexpected error (see the log).</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../ui/views/requests_page.py" line="45" />
        <source>Antwoord vastleggen</source>
        <translation>Record answer</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="47" />
        <location filename="../../ui/views/requests_page.py" line="58" />
        <source>Antwoord</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="49" />
        <source>Van horen zeggen</source>
        <translation>Hearsay</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="50" />
        <source>Bevestigd</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="51" />
        <source>Deels beantwoord (er komt meer)</source>
        <translation>Partly answered (more to come)</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="59" />
        <source>Betrouwbaarheid</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="66" />
        <source>Geef het antwoord.</source>
        <translation>Give the answer.</translation>
    </message>
</context>
<context>
    <name>AssessDialog</name>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="68" />
        <source>Bevestigen</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="68" />
        <source>Ontkrachten</source>
        <translation>Refute</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="73" />
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="75" />
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="77" />
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="76" />
        <source>bijv. politie OvD ter plaatse</source>
        <translation>e.g. police duty officer on site</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="77" />
        <source>Bevestigende bron</source>
        <translation>Confirming source</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="80" />
        <source>Ondersteunende melding</source>
        <translation>Corroborating report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="82" />
        <source>of ondersteunende melding</source>
        <translation>or corroborating report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="87" />
        <source>Beoordeling</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="88" />
        <source>Beoordeling (optioneel)</source>
        <translation>Grade (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="90" />
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="91" />
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>BriefingView</name>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="65" />
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="81" />
        <source>Pagina van de sectie</source>
        <translation>Page of the section</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="82" />
        <source>versie %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="83" />
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="87" />
        <source>Versie en tijd van het beeld</source>
        <translation>Version and time of the picture</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="91" />
        <source>OEFENING</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="107" />
        <source>Onthullen (R)</source>
        <translation>Reveal (R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="154" />
        <source>pagina %1/%2</source>
        <translation>page %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="161" />
        <source>Sectie %1 van %2 · pagina %3/%4 · PgDn/PgUp: pagina · ←/→: sectie · Esc: sluiten</source>
        <translation>Section %1 of %2 · page %3/%4 · PgDn/PgUp: page · ←/→: section · Esc: close</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="217" />
        <source>Onthullen</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/briefing_view.py" line="218" />
        <source>Doel van het inzien (wordt vastgelegd):</source>
        <translation>Purpose of viewing (it is recorded):</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../ui/views/cards_page.py" line="60" />
        <source>Nieuwe kaart…</source>
        <translation>New card…</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="61" />
        <source>Inzien…</source>
        <translation>Reveal…</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="62" />
        <source>Feit toevoegen…</source>
        <translation>Add fact…</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="63" />
        <source>Exporteer PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="64" />
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="65" />
        <location filename="../../ui/views/cards_page.py" line="287" />
        <source>Opschonen</source>
        <translation>Purge</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="80" />
        <source>Persoonskaarten (gemaskeerd)</source>
        <translation>Person cards (masked)</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="95" />
        <source>Persoonskaart</source>
        <translation>Person card</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="96" />
        <source>Gemaskeerd: initialen en rol in de crisis. Inzien vraagt een doel en wordt vastgelegd.</source>
        <translation>Masked: initials and role in the crisis. Revealing asks for a purpose and is recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="174" />
        <source>Geen persoonskaarten in deze crisis.</source>
        <translation>No person cards in this crisis.</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="178" />
        <source>Deze kaart is gemaskeerd. Kies &lt;b&gt;Inzien…&lt;/b&gt; en geef het doel; het inzien wordt vastgelegd (wie, wanneer, waarom).</source>
        <translation>This card is masked. Choose &lt;b&gt;Reveal…&lt;/b&gt; and give the purpose; the view is recorded (who, when, why).</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="194" />
        <source>Kaart inzien</source>
        <translation>Reveal card</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="209" />
        <source>Ingezien om %1, doel: %2</source>
        <translation>Revealed at %1, purpose: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="244" />
        <source>Exporteer persoonskaart</source>
        <translation>Export person card</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="245" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="248" />
        <source>Doel van de export</source>
        <translation>Purpose of the export</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="255" />
        <source>Geëxporteerd: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="262" />
        <source>Doel van het afdrukken</source>
        <translation>Purpose of printing</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="288" />
        <source>Kaarten waarvan de bewaartermijn verstreken is nu verwijderen? Er blijft een grafsteen over (wie, wanneer, waarom, hash).</source>
        <translation>Purge the cards whose retention period has ended now? A tombstone remains (who, when, why, hash).</translation>
    </message>
    <message>
        <location filename="../../ui/views/cards_page.py" line="305" />
        <source>Opgeschoond: %1 kaart(en)</source>
        <translation>Purged: %1 card(s)</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="48" />
        <source>Kolommen koppelen — %1</source>
        <translation>Map columns — %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="62" />
        <source>Koppeling onthouden van een eerder bestand met deze indeling.</source>
        <translation>Mapping remembered from an earlier file with this layout.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="63" />
        <source>Voorgestelde koppeling op basis van de kopjes.</source>
        <translation>Mapping suggested from the headers.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="89" />
        <source>Kolommen</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="163" />
        <source>— niet importeren —</source>
        <translation>— do not import —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="167" />
        <source>Veld voor kolom %1</source>
        <translation>Field for column %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="93" />
        <source>bijvoorbeeld Gemeente</source>
        <translation>for example Municipality</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="57" />
        <source>Kies per kolom het veld in het logboek. Tijdstip gebeurd, Melding en Bron zijn nodig (Bron mag ook hieronder voor alle rijen). Staan datum en tijd in twee kolommen, kies dan bij allebei Tijdstip gebeurd.</source>
        <translation>Choose the log field for each column. Time of occurrence, Entry and Source are required (Source may also be given below for all rows). If date and time are in two columns, choose Time of occurrence for both.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="66" />
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="69" />
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="83" />
        <source>Werkblad</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="77" />
        <source>Kopregel (rijnummer)</source>
        <translation>Header row (row number)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="84" />
        <source>Kopregel (rij)</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="94" />
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="171" />
        <source>Bron voor rijen zonder bron</source>
        <translation>Source for rows without a source</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="108" />
        <source>Voorbeeld van de eerste rijen</source>
        <translation>Preview of the first rows</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="120" />
        <source>Hele bestand weigeren als er rijen met fouten zijn</source>
        <translation>Refuse the whole file if any row has errors</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="121" />
        <source>Rijen met fouten overslaan, de rest importeren</source>
        <translation>Skip rows with errors, import the rest</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="125" />
        <source>Voorbeeld (eerste rijen, zoals ze worden vastgelegd)</source>
        <translation>Preview (first rows, as they will be recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="135" />
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="137" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="176" />
        <source>Voorgestelde kopregel: rij %1.</source>
        <translation>Proposed header row: row %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="178" />
        <source>Voorgesteld was rij %1.</source>
        <translation>Row %1 was proposed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="181" />
        <source>Kop over twee rijen (samengevoegde cellen).</source>
        <translation>Header over two rows (merged cells).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="211" />
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="250" />
        <source>Koppeling nog niet compleet: %1</source>
        <translation>Mapping not complete yet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="214" />
        <source>Geen enkele rij is goed.</source>
        <translation>Not a single row is correct.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="253" />
        <source>%1 van %2 rijen goed.</source>
        <translation>%1 of %2 rows good.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/column_mapping_dialog.py" line="257" />
        <source>Rijen met fouten: %1.</source>
        <translation>Rows with errors: %1.</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="112" />
        <source>Corrigeren</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="114" />
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="116" />
        <source>Nieuwe tekst</source>
        <translation>New text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="118" />
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="119" />
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="120" />
        <source>De oude tekst blijft zichtbaar, doorgestreept.</source>
        <translation>The old text stays visible, struck through.</translation>
    </message>
</context>
<context>
    <name>CreateDatabaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="30" />
        <location filename="../../ui/dialogs/create_database_dialog.py" line="75" />
        <source>Nieuwe database</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="34" />
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="39" />
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="40" />
        <source>Wachtzin gebruiken in plaats van de sleutelbos</source>
        <translation>Use a passphrase instead of the keyring</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="47" />
        <location filename="../../ui/dialogs/create_database_dialog.py" line="51" />
        <source>Wachtzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="50" />
        <source>Wachtzin herhalen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="52" />
        <location filename="../../ui/dialogs/create_database_dialog.py" line="64" />
        <source>Herhaal</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="54" />
        <source>Naam eerste profiel</source>
        <translation>Name of first profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="55" />
        <source>Eerste profiel (aide)</source>
        <translation>First profile (aide)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="58" />
        <location filename="../../ui/dialogs/create_database_dialog.py" line="63" />
        <source>Profielgeheim</source>
        <translation>Profile secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="59" />
        <source>wachtzin (8+ tekens) of pincode (6+ cijfers)</source>
        <translation>passphrase (8+ characters) or PIN (6+ digits)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="62" />
        <source>Profielgeheim herhalen</source>
        <translation>Repeat profile secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="87" />
        <source>De wachtzin moet minstens 8 tekens hebben.</source>
        <translation>The passphrase must have at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="89" />
        <source>De wachtzinnen zijn niet gelijk.</source>
        <translation>The passphrases do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="91" />
        <source>Geef het eerste profiel een naam.</source>
        <translation>Give the first profile a name.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="98" />
        <source>De profielgeheimen zijn niet gelijk.</source>
        <translation>The profile secrets differ.</translation>
    </message>
</context>
<context>
    <name>DecisionDialogs</name>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="42" />
        <source>Besluit vastleggen</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="45" />
        <location filename="../../ui/dialogs/decision_dialogs.py" line="54" />
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="47" />
        <location filename="../../ui/dialogs/decision_dialogs.py" line="55" />
        <source>Onderbouwing</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="50" />
        <source>Meldingen waarop het besluit rust</source>
        <translation>Entries the decision rests on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="51" />
        <source>Rust op het laatst vastgelegde beeld</source>
        <translation>Rests on the latest recorded picture</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="56" />
        <source>Besloten door</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="57" />
        <source>Rust op meldingen</source>
        <translation>Rests on entries</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="82" />
        <source>Actie toevoegen</source>
        <translation>Add action</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="84" />
        <location filename="../../ui/dialogs/decision_dialogs.py" line="92" />
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="86" />
        <location filename="../../ui/dialogs/decision_dialogs.py" line="93" />
        <source>Actiehouder</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decision_dialogs.py" line="87" />
        <source>Met termijn</source>
        <translation>With due time</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="54" />
        <location filename="../../ui/views/decisions_page.py" line="71" />
        <source>Besluiten</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="56" />
        <location filename="../../ui/views/decisions_page.py" line="77" />
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="57" />
        <source>Besluit vastleggen…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="59" />
        <source>Actie toevoegen…</source>
        <translation>Add action…</translation>
    </message>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="62" />
        <source>Gereed</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="63" />
        <source>Vervallen</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="64" />
        <source>Heropenen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/views/decisions_page.py" line="121" />
        <source>%1 open, %2 te laat</source>
        <translation>%1 open, %2 overdue</translation>
    </message>
</context>
<context>
    <name>EntryPicker</name>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="98" />
        <source>Zoek op tekst, tijd of bron…</source>
        <translation>Search by text, time or source…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="99" />
        <source>Meldingen zoeken</source>
        <translation>Search entries</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="103" />
        <source>Tijdstip gebeurd</source>
        <translation>Time it happened</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="103" />
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="103" />
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="119" />
        <source>Meldingen</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="205" />
        <source>Geen meldingen om uit te kiezen</source>
        <translation>No entries to choose from</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="207" />
        <source>Geen meldingen voor deze zoekterm</source>
        <translation>No entries for this search</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="209" />
        <source>%1 meldingen</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="211" />
        <source>%1 van %2 meldingen</source>
        <translation>%1 of %2 entries</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/entry_picker.py" line="214" />
        <source>%1 gekozen</source>
        <translation>%1 chosen</translation>
    </message>
</context>
<context>
    <name>EvaluationCanvas</name>
    <message>
        <location filename="../../ui/views/evaluation_page.py" line="34" />
        <source>Grafieken van de evaluatie</source>
        <translation>Charts of the evaluation</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../../ui/views/evaluation_page.py" line="57" />
        <source>Evaluatie van de informatiepositie</source>
        <translation>Evaluation of the information position</translation>
    </message>
    <message>
        <location filename="../../ui/views/evaluation_page.py" line="62" />
        <source>Vernieuwen (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/evaluation_page.py" line="66" />
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/evaluation_page.py" line="66" />
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/views/evaluation_page.py" line="92" />
        <source>%1 meldingen: %2 bevestigd, %3 ontkracht, %4 nooit beslist; %5 te laat vastgelegd. %6 tegenstrijdigheden. %7 uitvragen: %8 op tijd, %9 te laat, %10 nooit beantwoord. %11 kennisgevingen te laat.</source>
        <translation>%1 reports: %2 confirmed, %3 refuted, %4 never settled; %5 recorded late. %6 contradictions. %7 requests: %8 in time, %9 late, %10 never answered. %11 notifications late.</translation>
    </message>
    <message>
        <location filename="../../ui/views/evaluation_page.py" line="108" />
        <source>Evaluatie opslaan</source>
        <translation>Save evaluation</translation>
    </message>
</context>
<context>
    <name>GripDialog</name>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="23" />
        <source>GRIP-niveau wijzigen</source>
        <translation>Change GRIP level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="32" />
        <source>%1 (huidig)</source>
        <translation>%1 (current)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="37" />
        <source>Nieuw GRIP-niveau</source>
        <translation>New GRIP level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="39" />
        <source>Reden of besluit (optioneel)</source>
        <translation>Reason or decision (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="40" />
        <location filename="../../ui/dialogs/grip_dialog.py" line="48" />
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="45" />
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="46" />
        <source>Huidig niveau</source>
        <translation>Current level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="47" />
        <source>Nieuw niveau</source>
        <translation>New level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="49" />
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="49" />
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="59" />
        <source>De crisis staat al op %1; kies een ander niveau.</source>
        <translation>The crisis is at %1 already; choose another level.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../ui/help_menu.py" line="18" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="20" />
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="23" />
        <source>Betrouwbaarheid en Admiraltycodes</source>
        <translation>Reliability and Admiralty codes</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="26" />
        <source>Over crisisconsole</source>
        <translation>About crisisconsole</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/views/intake_page.py" line="94" />
        <source>CAP-bestanden importeren…</source>
        <translation>Import CAP files…</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="95" />
        <source>CAP-map importeren…</source>
        <translation>Import CAP folder…</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="96" />
        <location filename="../../ui/views/intake_page.py" line="273" />
        <source>Spreadsheet importeren…</source>
        <translation>Import spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="97" />
        <source>CAP 1.1/1.2-berichten (Ctrl+I)</source>
        <translation>CAP 1.1/1.2 alerts (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="98" />
        <source>.xlsx, .csv of .json (Ctrl+Shift+I)</source>
        <translation>.xlsx, .csv or .json (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="102" />
        <source>CAP-berichten inlezen</source>
        <translation>Read CAP messages</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="103" />
        <source>Tabel inlezen</source>
        <translation>Read a table</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="116" />
        <source>Voortgang van de import</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="118" />
        <source>%v van %m bestanden</source>
        <translation>%v of %m files</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="120" />
        <source>Afbreken</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="121" />
        <source>Stopt na het bestand dat nu wordt ingelezen; wat al is ingelezen blijft</source>
        <translation>Stops after the file being read now; what has been read stays</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="131" />
        <source>Inbox-map</source>
        <translation>Inbox folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="136" />
        <source>Bewaken</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="137" />
        <source>Nieuwe bestanden in de map automatisch importeren</source>
        <translation>Import new files in the folder automatically</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="138" />
        <source>Map kiezen…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="140" />
        <source>Nu verwerken</source>
        <translation>Process now</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="150" />
        <location filename="../../ui/views/intake_page.py" line="184" />
        <source>Importverslag</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="156" />
        <source>Klik op een kolom om te sorteren (standaard: geweigerde bestanden eerst)</source>
        <translation>Click a column to sort (default: refused files first)</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="164" />
        <source>Suggesties</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="168" />
        <source>Koppelen als bevestiging</source>
        <translation>Link as corroborating</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="169" />
        <source>Markeren als duplicaat</source>
        <translation>Mark as duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="170" />
        <source>Negeren</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="175" />
        <source>Lijkt op een recente melding uit een andere bron:</source>
        <translation>Resembles a recent entry from another source:</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="218" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="218" />
        <source>Open eerst een crisis.</source>
        <translation>Open a crisis first.</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="223" />
        <source>CAP-bestanden importeren</source>
        <translation>Import CAP files</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="224" />
        <source>CAP-berichten (*.cap *.xml *.edxlde);;Alle bestanden (*)</source>
        <translation>CAP alerts (*.cap *.xml *.edxlde);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="229" />
        <source>Map met CAP-berichten</source>
        <translation>Folder with CAP alerts</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="237" />
        <source>CAP importeren…</source>
        <translation>Importing CAP…</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="244" />
        <source>Spreadsheet importeren</source>
        <translation>Import spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="245" />
        <source>Logboeken (*.xlsx *.csv *.txt *.json);;Alle bestanden (*)</source>
        <translation>Logs (*.xlsx *.csv *.txt *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="284" />
        <source>Inbox-map kiezen</source>
        <translation>Choose inbox folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="292" />
        <source>Geen inbox-map gekozen</source>
        <translation>No inbox folder chosen</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="314" />
        <source>Verwerkt: %1 · Geweigerd: %2 · Wachtend: %3</source>
        <translation>Processed: %1 · Rejected: %2 · Waiting: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="322" />
        <source>Inbox verwerken…</source>
        <translation>Processing inbox…</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="369" />
        <source>Afbreken na het huidige bestand…</source>
        <translation>Cancelling after the current file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="381" />
        <source>%1 geïmporteerd, %2 geweigerd, %3 al aanwezig</source>
        <translation>%1 imported, %2 refused, %3 already present</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="387" />
        <source>afgebroken: %1 niet ingelezen</source>
        <translation>cancelled: %1 not read</translation>
    </message>
    <message>
        <location filename="../../ui/views/intake_page.py" line="398" />
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>IssueMeasureDialog</name>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="63" />
        <source>Nieuwe maatregel</source>
        <translation>New measure</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="72" />
        <location filename="../../ui/dialogs/measure_dialogs.py" line="84" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="75" />
        <source>Gepland einde</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="82" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="83" />
        <source>Uitgevaardigd door</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="85" />
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="86" />
        <source>Uitgevaardigd op</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="88" />
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="94" />
        <source>Voorzitter veiligheidsregio als uitvaardiger</source>
        <translation>Chair of the safety region as issuer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="121" />
        <source>vastgelegd voor deze crisis</source>
        <translation>recorded for this crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="122" />
        <source>aanwijzing: GRIP %1; leg het vast bij Termijnen en art. 39</source>
        <translation>hint: GRIP %1; record it under Terms and art. 39</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="125" />
        <source>Let op: Wvr art. 39 is van toepassing (%1). Alleen de voorzitter veiligheidsregio is dan bevoegd tot noodbevel en noodverordening; kies de voorzitter als uitvaardiger.</source>
        <translation>Note: Wvr art. 39 applies (%1). Only the chair of the safety region may then issue an emergency order or emergency ordinance; choose the chair as issuer.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="139" />
        <source>Geef de maatregel een titel.</source>
        <translation>Give the measure a title.</translation>
    </message>
</context>
<context>
    <name>LegendDialog</name>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="28" />
        <location filename="../../ui/dialogs/legend_dialog.py" line="116" />
        <source>Bevestigd</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="29" />
        <source>Zelf waargenomen door een genoemde bron, of bevestigd door een tweede, onafhankelijke bron. Alleen met een uitdrukkelijke handeling; wie en wanneer blijft bewaard.</source>
        <translation>Observed directly by a named source, or corroborated by a second, independent source. Only by an explicit act; who and when is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="32" />
        <source>Van horen zeggen</source>
        <translation>Hearsay</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="33" />
        <source>Nog niet bevestigd (onbevestigd). Elke nieuwe melding begint zo, tenzij anders aangegeven.</source>
        <translation>Not confirmed yet (unconfirmed). Every new entry starts so, unless stated otherwise.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="35" />
        <source>Ontkracht</source>
        <translation>Refuted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="36" />
        <source>Tegengesproken door een betrouwbare bron. De melding blijft zichtbaar, met de reden.</source>
        <translation>Contradicted by a reliable source. The entry stays visible, with the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="39" />
        <source>Tegengesproken</source>
        <translation>Contradicted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="40" />
        <source>Een andere melding spreekt deze tegen; nog niet beslist welke klopt.</source>
        <translation>Another entry contradicts this one; not yet decided which is right.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="43" />
        <source>volledig betrouwbaar</source>
        <translation>completely reliable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="44" />
        <source>meestal betrouwbaar</source>
        <translation>usually reliable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="45" />
        <source>redelijk betrouwbaar</source>
        <translation>fairly reliable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="46" />
        <source>meestal niet betrouwbaar</source>
        <translation>not usually reliable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="47" />
        <source>onbetrouwbaar</source>
        <translation>unreliable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="48" />
        <location filename="../../ui/dialogs/legend_dialog.py" line="56" />
        <source>niet te beoordelen</source>
        <translation>cannot be judged</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="51" />
        <source>bevestigd door andere bronnen</source>
        <translation>confirmed by other sources</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="52" />
        <source>waarschijnlijk waar</source>
        <translation>probably true</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="53" />
        <source>mogelijk waar</source>
        <translation>possibly true</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="54" />
        <source>twijfelachtig</source>
        <translation>doubtful</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="55" />
        <source>onwaarschijnlijk</source>
        <translation>improbable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="64" />
        <source>Betrouwbaarheid en Admiraltycodes</source>
        <translation>Reliability and Admiralty codes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="66" />
        <source>Legenda betrouwbaarheid</source>
        <translation>Reliability legend</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="69" />
        <source>Code uitleggen</source>
        <translation>Explain a code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="70" />
        <source>bijvoorbeeld B2</source>
        <translation>for example B2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="77" />
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="93" />
        <source>bron %1, informatie %2</source>
        <translation>source %1, information %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="101" />
        <source>Onbekende code: gebruik bron A–F en informatie 1–6, bijvoorbeeld B2.</source>
        <translation>Unknown code: use source A–F and information 1–6, for example B2.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="106" />
        <source>Betrouwbaarheid</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="107" />
        <source>Admiraltycode</source>
        <translation>Admiralty code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="108" />
        <source>Bron (A–F)</source>
        <translation>Source (A–F)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="109" />
        <source>Informatie (1–6)</source>
        <translation>Information (1–6)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="110" />
        <source>Elke melding heeft een label; de beoordeling (Admiraltycode) is optioneel en staat erachter, zoals in "Bevestigd D4".</source>
        <translation>Every entry has a tag; the grade (Admiralty code) is optional and follows it, as in "Confirmed D4".</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="112" />
        <source>Twee tekens, los van elkaar beoordeeld: een letter voor de bron en een cijfer voor de informatie. Het cijfer volgt nooit uit de letter.</source>
        <translation>Two characters, graded independently: a letter for the source and a digit for the information. The digit never follows from the letter.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/legend_dialog.py" line="115" />
        <source>Voorbeeld: "%1 %2" is bevestigd, en beoordeeld als %3.</source>
        <translation>Example: "%1 %2" is confirmed, and graded as %3.</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="137" />
        <source>ondersteunt</source>
        <translation>corroborates</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="138" />
        <source>spreekt tegen</source>
        <translation>contradicts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="139" />
        <source>is vervolg op</source>
        <translation>follows up on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="142" />
        <source>Koppelen</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="144" />
        <source>Soort koppeling</source>
        <translation>Kind of link</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="148" />
        <source>Andere melding</source>
        <translation>Other report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="149" />
        <source>Deze melding</source>
        <translation>This report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="150" />
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="156" />
        <source>Kies de melding om mee te koppelen.</source>
        <translation>Choose the report to link with.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="19" />
        <source>Crisisconsole is vergrendeld</source>
        <translation>Crisisconsole is locked</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="27" />
        <source>Profielgeheim</source>
        <translation>Profile secret</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="28" />
        <source>profielgeheim (wachtzin of pincode)</source>
        <translation>profile secret (passphrase or PIN)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="31" />
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="45" />
        <source>Profiel: %1</source>
        <translation>Profile: %1</translation>
    </message>
</context>
<context>
    <name>LogDetailPanel</name>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="29" />
        <source>Bevestigd</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="30" />
        <source>Van horen zeggen</source>
        <translation>Hearsay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="31" />
        <source>Ontkracht</source>
        <translation>Refuted</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="61" />
        <source>Gelijktijdige correcties</source>
        <translation>Concurrent corrections</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="62" />
        <source>Twee laptops corrigeerden deze melding tegelijk. Kies een versie of typ een nieuwe tekst.</source>
        <translation>Two laptops corrected this entry at the same time. Choose a version or type a new text.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="68" />
        <source>Gelijktijdige herbeoordelingen</source>
        <translation>Concurrent re-grades</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="69" />
        <source>Twee laptops beoordeelden deze melding tegelijk opnieuw. Kies een oordeel.</source>
        <translation>Two laptops re-graded this entry at the same time. Choose a grade.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="91" />
        <source>TEGENGESPROKEN</source>
        <translation>CONTRADICTED</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="94" />
        <source>INGETROKKEN</source>
        <translation>WITHDRAWN</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="96" />
        <source>laat vastgelegd</source>
        <translation>recorded late</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="97" />
        <source>Gebeurd %1 · vastgelegd %2</source>
        <translation>Happened %1 · recorded %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="99" />
        <source>Locatie: %1</source>
        <translation>Location: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="108" />
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="118" />
        <source>Ingetrokken door %1: %2</source>
        <translation>Withdrawn by %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="135" />
        <location filename="../../ui/widgets/log_detail_panel.py" line="238" />
        <source>Geen melding gekozen</source>
        <translation>No report selected</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="139" />
        <source>Geschiedenis van de melding</source>
        <translation>History of the report</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="140" />
        <source>Bevestigen</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="141" />
        <source>Ontkrachten</source>
        <translation>Refute</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="142" />
        <source>Corrigeren</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="143" />
        <source>Koppelen</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="155" />
        <location filename="../../ui/widgets/log_detail_panel.py" line="234" />
        <source>Gelijktijdige correcties beslechten…</source>
        <translation>Settle concurrent corrections…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="157" />
        <source>Gelijktijdige correcties beslechten</source>
        <translation>Settle concurrent corrections</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="160" />
        <source>Bijlagen</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="163" />
        <source>Bijlagen van de melding</source>
        <translation>Attachments of the report</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="167" />
        <source>Bijlage toevoegen…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="168" />
        <source>Opslaan als…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="232" />
        <source>Gelijktijdige herbeoordelingen beslechten…</source>
        <translation>Settle concurrent re-grades…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="239" />
        <source>Kies een melding in de lijst.</source>
        <translation>Choose a report in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="241" />
        <source>Melding (versie %1)</source>
        <translation>Report (version %1)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="266" />
        <source>Geen bijlagen</source>
        <translation>No attachments</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_detail_panel.py" line="269" />
        <source>Bijlagen (%1)</source>
        <translation>Attachments (%1)</translation>
    </message>
</context>
<context>
    <name>LogExport</name>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="51" />
        <source>Logboek afdrukken</source>
        <translation>Print log</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="74" />
        <source>Open eerst een crisis.</source>
        <translation>Open a crisis first.</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="80" />
        <location filename="../../ui/views/log_export_actions.py" line="133" />
        <source>Logboek exporteren</source>
        <translation>Export log</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="82" />
        <source>PDF (*.pdf);;CSV (*.csv);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="98" />
        <source>Er loopt al een export.</source>
        <translation>An export is already running.</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="115" />
        <source>%1 meldingen geëxporteerd naar %2</source>
        <translation>%1 reports exported to %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="122" />
        <source>Export geannuleerd; er is geen bestand geschreven.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="131" />
        <source>Logboek exporteren…</source>
        <translation>Exporting the log…</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="132" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_export_actions.py" line="182" />
        <source>Logboek afgedrukt: %1 meldingen, %2 pagina's</source>
        <translation>Log printed: %1 reports, %2 pages</translation>
    </message>
</context>
<context>
    <name>LogFilterBar</name>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="48" />
        <source>Bevestigd</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="49" />
        <source>Van horen zeggen</source>
        <translation>Hearsay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="50" />
        <source>Ontkracht</source>
        <translation>Refuted</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="54" />
        <source>Tegengesproken</source>
        <translation>Contradicted</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="61" />
        <source>%1 u</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="62" />
        <source>Alleen het laatste %1 uur</source>
        <translation>Only the last %1 hours</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="69" />
        <source>Filter op bron</source>
        <translation>Filter by source</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="73" />
        <source>Filter op discipline</source>
        <translation>Filter by discipline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="74" />
        <source>Alle disciplines</source>
        <translation>All disciplines</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="84" />
        <source>Zoeken in het logboek… (Ctrl+F)</source>
        <translation>Search the log… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="85" />
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="89" />
        <source>Sorteren op</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="90" />
        <source>Tijdstip gebeurd</source>
        <translation>Time it happened</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="91" />
        <source>Vastgelegd</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="92" />
        <source>Sorteren:</source>
        <translation>Sort:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_filter_bar.py" line="121" />
        <source>Alle bronnen</source>
        <translation>All sources</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../ui/views/log_page.py" line="84" />
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="127" />
        <source>Detailpaneel tonen of verbergen</source>
        <translation>Show or hide the detail panel</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="136" />
        <source>Naar het invoerveld voor een nieuwe melding</source>
        <translation>To the field for a new entry</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="139" />
        <source>Zoeken in het logboek</source>
        <translation>Search the log</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="309" />
        <source>Geen crisis gekozen</source>
        <translation>No crisis chosen</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="311" />
        <source>Geen meldingen voor dit filter</source>
        <translation>No entries for this filter</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="312" />
        <source>Nog geen meldingen in deze crisis</source>
        <translation>No entries in this crisis yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="356" />
        <source>Bijlagen toevoegen</source>
        <translation>Add attachments</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="368" />
        <source>%1 bijlage(n) toegevoegd</source>
        <translation>%1 attachment(s) added</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="374" />
        <source>Bijlage opslaan als</source>
        <translation>Save attachment as</translation>
    </message>
    <message>
        <location filename="../../ui/views/log_page.py" line="384" />
        <source>Opgeslagen: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="52" />
        <source>Bevestigd</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="53" />
        <source>Van horen zeggen</source>
        <translation>Hearsay</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="54" />
        <source>Ontkracht</source>
        <translation>Refuted</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="106" />
        <source>laat</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="61" />
        <source>gelijktijdige correcties</source>
        <translation>concurrent corrections</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="63" />
        <source>gelijktijdige herbeoordelingen</source>
        <translation>concurrent re-grades</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="115" />
        <source>TEGENGESPROKEN</source>
        <translation>CONTRADICTED</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="117" />
        <source>INGETROKKEN</source>
        <translation>WITHDRAWN</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="119" />
        <source>gecorrigeerd</source>
        <translation>corrected</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="131" />
        <source>Laat vastgelegd: %1</source>
        <translation>Recorded late: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="174" />
        <source>Tijdstip gebeurd</source>
        <translation>Time it happened</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="175" />
        <source>Leeftijd</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="176" />
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="177" />
        <source>Betrouwbaarheid</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="178" />
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/models/log_table_model.py" line="179" />
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../ui/main_actions.py" line="22" />
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="23" />
        <source>&amp;Crisis</source>
        <translation>&amp;Crisis</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="24" />
        <source>Nieuwe crisis…</source>
        <translation>New crisis…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="26" />
        <source>GRIP-niveau wijzigen…</source>
        <translation>Change GRIP level…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="27" />
        <location filename="../../ui/main_actions.py" line="88" />
        <source>Crisis sluiten</source>
        <translation>Close crisis</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="28" />
        <source>Logboek exporteren…</source>
        <translation>Exporting the log…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="30" />
        <source>Logboek afdrukken…</source>
        <translation>Print log…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="33" />
        <source>Back-up maken…</source>
        <translation>Make backup…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="34" />
        <source>Instellingen…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="35" />
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="38" />
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="89" />
        <source>Crisis '%1' sluiten? De bewaartermijn van persoonsgegevens gaat dan lopen.</source>
        <translation>Close crisis '%1'? The retention period of personal data then starts.</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="118" />
        <source>geen back-up</source>
        <translation>no backup</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="116" />
        <source>automatische back-up aan</source>
        <translation>automatic backup on</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="117" />
        <source>gedeeld</source>
        <translation>shared</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="120" />
        <source>Alleen-lezen</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="121" />
        <source>Lokaal</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="121" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="144" />
        <source>Back-upmap kiezen</source>
        <translation>Choose backup folder</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <location filename="../../ui/main_window.py" line="288" />
        <source>Crisisconsole</source>
        <translation>Crisis console</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>Navigatie</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>Database wordt geopend…</source>
        <translation>Opening database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <location filename="../../ui/main_window.py" line="364" />
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Naar %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183" />
        <location filename="../../ui/main_window.py" line="382" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285" />
        <source>GRIP –</source>
        <translation>GRIP –</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336" />
        <source>GRIP</source>
        <translation>GRIP</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336" />
        <source>Open eerst een crisis.</source>
        <translation>Open a crisis first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363" />
        <source>Crisisconsole — vergrendeld</source>
        <translation>Crisisconsole — locked</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../ui/widgets/map_canvas.py" line="77" />
        <source>Kaart</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/map_canvas.py" line="319" />
        <source>Onderwerp: </source>
        <translation>Topic: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/map_canvas.py" line="322" />
        <source>
… en %n meer</source>
        <translation>
            <numerusform>
… and %n more</numerusform><numerusform>
… and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../ui/views/map_page.py" line="73" />
        <source>Meldingen</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="73" />
        <source>Onderwerpen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="74" />
        <source>Gebieden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="74" />
        <source>Plaatsnamen</source>
        <translation>Place names</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="86" />
        <source>Laatste uren</source>
        <translation>Last hours</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="91" />
        <location filename="../../ui/views/map_page.py" line="242" />
        <source>Plaats toevoegen</source>
        <translation>Add place</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="94" />
        <source>Gebied tekenen</source>
        <translation>Draw area</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="97" />
        <source>Passend</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="98" />
        <source>Toon alles (Ctrl+0)</source>
        <translation>Show everything (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="110" />
        <source>Toon alles</source>
        <translation>Show everything</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="112" />
        <source>Gebied afronden</source>
        <translation>Finish the area</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="114" />
        <source>Tekenen of plaatsen afbreken</source>
        <translation>Cancel drawing or placing</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="201" />
        <source>Alles</source>
        <translation>All</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/map_page.py" line="202" />
        <source>Laatste %n uur</source>
        <translation>
            <numerusform>Last %n hours</numerusform><numerusform>Last %n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/map_page.py" line="207" />
        <source>%n meldingen op de kaart</source>
        <translation>
            <numerusform>%n entries on the map</numerusform><numerusform>%n entries on the map</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/map_page.py" line="208" />
        <source>%n onderwerpen</source>
        <translation>
            <numerusform>%n topics</numerusform><numerusform>%n topics</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/map_page.py" line="209" />
        <source>%n gebieden</source>
        <translation>
            <numerusform>%n areas</numerusform><numerusform>%n areas</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="212" />
        <source>Kaartbestand geweigerd: </source>
        <translation>Map file refused: </translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="214" />
        <source>geen kaartbestand (kies er een in de instellingen)</source>
        <translation>no map file (choose one in the settings)</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="216" />
        <source>Klik op de kaart waar de plaats ligt (Esc: stoppen)</source>
        <translation>Click on the map where the place is (Esc: stop)</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="218" />
        <source>Klik de hoeken van het gebied; Enter: klaar, Esc: stoppen</source>
        <translation>Click the corners of the area; Enter: done, Esc: stop</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="243" />
        <source>Naam van de plaats bij %1, %2</source>
        <translation>Name of the place at %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="270" />
        <source>Geen maatregel om dit gebied aan te geven</source>
        <translation>No measure to give this area to</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="273" />
        <source>Gebied van maatregel</source>
        <translation>Area of a measure</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_page.py" line="274" />
        <source>Maatregel</source>
        <translation>Measure</translation>
    </message>
</context>
<context>
    <name>MeasureDetail</name>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="29" />
        <source>Bekendmaking…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="30" />
        <source>Geagendeerd…</source>
        <translation>On the agenda…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="31" />
        <source>Verantwoording afgelegd…</source>
        <translation>Account given…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="32" />
        <source>Beroep bij CdK…</source>
        <translation>Appeal to CdK…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="33" />
        <source>Beslissing CdK…</source>
        <translation>CdK decision…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="34" />
        <source>Geschorst door CdK…</source>
        <translation>Suspended by CdK…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="35" />
        <source>Intrekken…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="36" />
        <source>Van kracht houden…</source>
        <translation>Keep in force…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="55" />
        <location filename="../../ui/widgets/measure_detail.py" line="126" />
        <source>Kies een maatregel</source>
        <translation>Choose a measure</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="72" />
        <source>Notitie aan de raad (PDF)…</source>
        <translation>Note to the council (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="75" />
        <location filename="../../ui/widgets/measure_detail.py" line="179" />
        <source>Kennisgevingen (art. 176 lid 3)</source>
        <translation>Notifications (art. 176(3))</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="86" />
        <source>Markeer verstuurd</source>
        <translation>Mark sent</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="87" />
        <source>Markeer verstuurd: %1</source>
        <translation>Mark sent: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="89" />
        <source>Brief (PDF)…</source>
        <translation>Letter (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="90" />
        <source>Brief aan %1</source>
        <translation>Letter to %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="99" />
        <location filename="../../ui/widgets/measure_detail.py" line="107" />
        <source>Openstaande verplichtingen</source>
        <translation>Open obligations</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="101" />
        <location filename="../../ui/widgets/measure_detail.py" line="109" />
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="131" />
        <source>Grondslag: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="132" />
        <source>Uitgevaardigd: %1 (%2)</source>
        <translation>Issued: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="135" />
        <source>Einde: %1</source>
        <translation>End: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="137" />
        <source>Gebied: %1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="141" />
        <source>geen termijn</source>
        <translation>no deadline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="142" />
        <location filename="../../ui/widgets/measure_detail.py" line="191" />
        <source>TE LAAT · </source>
        <translation>OVERDUE · </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="148" />
        <source>Geen openstaande verplichtingen</source>
        <translation>No open obligations</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="155" />
        <source>gehandhaafd</source>
        <translation>upheld</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="155" />
        <source>afgewezen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="171" />
        <source>%1 Alleen vast te leggen als het beroep uiterlijk %2 is ingesteld.</source>
        <translation>%1 Can only be recorded if the appeal was lodged by %2.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="178" />
        <source>Kennisgeving intrekking</source>
        <translation>Notice of withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="187" />
        <source>verstuurd %1</source>
        <translation>sent %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="190" />
        <source>nog niet · uiterlijk %1</source>
        <translation>not yet · due %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/measure_detail.py" line="194" />
        <source>nog niet</source>
        <translation>not yet</translation>
    </message>
</context>
<context>
    <name>MeasureEventDialog</name>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="37" />
        <source>Bekendmaking vastleggen</source>
        <translation>Record publication</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="37" />
        <source>Hoe en wanneer de maatregel is bekendgemaakt; een noodverordening ook in het elektronisch gemeenteblad.</source>
        <translation>How and when the measure was made known; an emergency ordinance also in the electronic municipal gazette.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="40" />
        <source>Bekrachtiging geagendeerd</source>
        <translation>Ratification on the agenda</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="40" />
        <source>De griffie heeft de bekrachtiging op de agenda gezet van de eerstvolgende raadsvergadering met quorum.</source>
        <translation>The council clerk put ratification on the agenda of the next quorate council meeting.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="43" />
        <source>Verantwoording aan de raad</source>
        <translation>Account to the council</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="43" />
        <source>De burgemeester heeft de raad verantwoording afgelegd over de noodverordening die vóór bekrachtiging is ingetrokken of verlopen.</source>
        <translation>The mayor has given the council an account of the emergency ordinance that was withdrawn or expired before ratification.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="46" />
        <source>Beroep bij de CdK</source>
        <translation>Appeal to the CdK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="46" />
        <source>Beroep bij de commissaris van de Koning kan binnen 24 uur na het besluit van de raad om niet te bekrachtigen.</source>
        <translation>An appeal to the King's Commissioner can be lodged within 24 hours of the council's decision not to ratify.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="49" />
        <source>Beslissing van de CdK</source>
        <translation>Decision of the CdK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="49" />
        <source>De CdK beslist binnen 2 dagen. Gehandhaafd: de noodverordening blijft gelden; afgewezen: zij vervalt.</source>
        <translation>The CdK decides within 2 days. Upheld: the emergency ordinance stays in force; rejected: it lapses.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="52" />
        <source>Schorsing door de CdK</source>
        <translation>Suspension by the CdK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="52" />
        <source>Zolang de noodverordening niet is bekrachtigd kan de CdK haar schorsen, met onmiddellijke ingang.</source>
        <translation>As long as the emergency ordinance is not ratified, the CdK may suspend it with immediate effect.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="55" />
        <source>Intrekken</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="55" />
        <source>Intrekken zodra de noodsituatie voorbij is. De raad, de CdK en de hoofdofficier moeten daarna opnieuw worden ingelicht.</source>
        <translation>Withdraw as soon as the emergency is over. The council, the CdK and the chief public prosecutor must then be informed again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="58" />
        <source>Van kracht houden</source>
        <translation>Keep in force</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="58" />
        <source>De crisis is afgeschaald of gesloten, maar de noodsituatie duurt voort: de burgemeester houdt de maatregel bewust van kracht. Leg vast waarom; bij een volgend afschalen of sluiten komt de vraag om in te trekken terug.</source>
        <translation>The crisis was scaled down or closed, but the emergency goes on: the mayor deliberately keeps the measure in force. Record why; the next scale-down or closure asks about withdrawal again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="95" />
        <source>De beroepstermijn is verstreken op %1. Alleen een beroep dat uiterlijk dan is ingesteld kan nog worden vastgelegd: vul het tijdstip van instellen in.</source>
        <translation>The appeal window closed at %1. Only an appeal lodged by then can still be recorded: enter the time it was lodged.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="100" />
        <source>bv. persbericht, website, huis-aan-huisbrief</source>
        <translation>e.g. press release, website, door-to-door letter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="102" />
        <source>bv. Gemeenteblad 2026, nr. 12345</source>
        <translation>e.g. Gemeenteblad 2026, no. 12345</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="103" />
        <source>kenmerk</source>
        <translation>reference</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="105" />
        <source>Gehandhaafd (beroep gegrond)</source>
        <translation>Upheld (appeal granted)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="106" />
        <source>Afgewezen (de noodverordening vervalt)</source>
        <translation>Rejected (the emergency ordinance lapses)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="111" />
        <source>Tijdstip</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="113" />
        <source>Vergadering</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="115" />
        <source>Hoe bekendgemaakt</source>
        <translation>How published</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="116" />
        <source>Vindplaats gemeenteblad</source>
        <translation>Municipal gazette reference</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="118" />
        <source>Documentverwijzing</source>
        <translation>Document reference</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="120" />
        <source>Beslissing</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="123" />
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="125" />
        <source>bv. de dreiging van nieuwe onrust blijft</source>
        <translation>e.g. the threat of new unrest remains</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="126" />
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="139" />
        <source>Geef aan hoe de maatregel is bekendgemaakt.</source>
        <translation>Say how the measure was announced.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="141" />
        <source>Kies de beslissing van de CdK.</source>
        <translation>Choose the King's Commissioner's decision.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="143" />
        <source>Geef de reden om de maatregel van kracht te houden.</source>
        <translation>Give the reason to keep the measure in force.</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <location filename="../../ui/views/measures_page.py" line="75" />
        <source>Nieuwe maatregel…</source>
        <translation>New measure…</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="76" />
        <source>Intrekken…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="77" />
        <source>Raadsvergadering toevoegen…</source>
        <translation>Add council meeting…</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="78" />
        <source>Uitkomst raad vastleggen…</source>
        <translation>Record council outcome…</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="79" />
        <source>Vergaderingen importeren (.ics)…</source>
        <translation>Import meetings (.ics)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="80" />
        <source>Termijnen naar agenda (.ics)…</source>
        <translation>Deadlines to calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="81" />
        <source>Termijnen en art. 39…</source>
        <translation>Terms and art. 39…</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="90" />
        <source>Maatregelen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="190" />
        <source>Te laat: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="191" />
        <source>Herinnering</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="206" />
        <source>Maatregel</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="206" />
        <source>Open eerst een crisis.</source>
        <translation>Open a crisis first.</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="225" />
        <source>Let op</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="288" />
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="289" />
        <source>Er is geen raadsvergadering zonder uitkomst.</source>
        <translation>There is no council meeting without an outcome.</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="299" />
        <source>Vergaderingen importeren</source>
        <translation>Import meetings</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="300" />
        <location filename="../../ui/views/measures_page.py" line="318" />
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="305" />
        <source>Zittende leden</source>
        <translation>Sitting members</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="306" />
        <source>Aantal zittende leden van de raad (niet zetels: vacatures tellen niet mee):</source>
        <translation>Number of sitting council members (not seats: vacancies do not count):</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="317" />
        <source>Termijnen exporteren</source>
        <translation>Export deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="335" />
        <source>Provincie</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="336" />
        <source>Provincie van de commissaris van de Koning:</source>
        <translation>Province of the King's Commissioner:</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="337" />
        <source>Arrondissementsparket</source>
        <translation>District prosecutor's office</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="338" />
        <source>Arrondissementsparket van de hoofdofficier van justitie:</source>
        <translation>District prosecutor's office of the chief public prosecutor:</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="339" />
        <source>Veiligheidsregio</source>
        <translation>Safety region</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="340" />
        <source>Naam van de veiligheidsregio (briefhoofd):</source>
        <translation>Name of the safety region (letterhead):</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="359" />
        <source>Brief opslaan</source>
        <translation>Save letter</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="361" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/measures_page.py" line="373" />
        <source>Brief opgeslagen: %1</source>
        <translation>Letter saved: %1</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="161" />
        <source>Raadsvergadering toevoegen</source>
        <translation>Add council meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="166" />
        <source>Raadsvergadering</source>
        <translation>Council meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="168" />
        <source>Begin</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="169" />
        <source>Zittende leden</source>
        <translation>Sitting members</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="170" />
        <source>Leden van de raad op de dag van de vergadering; een vacature telt niet mee voor het quorum</source>
        <translation>Council members on the day of the meeting; a vacancy does not count for the quorum</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="172" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="179" />
        <source>Geef de vergadering een titel.</source>
        <translation>Give the meeting a title.</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../ui/views/network_page.py" line="119" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="119" />
        <location filename="../../ui/views/network_page.py" line="123" />
        <location filename="../../ui/views/network_page.py" line="127" />
        <source>Functie</source>
        <translation>Function</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="119" />
        <source>24/7</source>
        <translation>24/7</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="120" />
        <source>Escalatie</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="120" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="121" />
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="121" />
        <source>Bijdrage</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="122" />
        <source>Partnerlijst</source>
        <translation>Partner directory</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="123" />
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="123" />
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="124" />
        <source>Rooster van het crisisteam</source>
        <translation>Roster of the crisis team</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="129" />
        <source>Wie neemt de functie over? (Enter)</source>
        <translation>Who takes over the function? (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="130" />
        <source>Persoon voor de functie</source>
        <translation>Person for the function</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="133" />
        <source>Partners en escalatie</source>
        <translation>Partners and escalation</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="137" />
        <source>Partner toevoegen…</source>
        <translation>Add partner…</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="138" />
        <source>Importeren (CSV/vCard)…</source>
        <translation>Import (CSV/vCard)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="139" />
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="149" />
        <source>Rooster: wie heeft nu welke functie</source>
        <translation>Roster: who holds which function now</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="230" />
        <source>Wissel vastgelegd: %1</source>
        <translation>Shift change recorded: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="237" />
        <source>Partner toegevoegd: %1</source>
        <translation>Partner added: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="246" />
        <source>Partners importeren</source>
        <translation>Import partners</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="252" />
        <source>Nieuw %1, gewijzigd %2, ongewijzigd %3</source>
        <translation>New %1, changed %2, unchanged %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="260" />
        <source>Partners exporteren</source>
        <translation>Export partners</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="267" />
        <source>Geëxporteerd: %1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>NewCrisisDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="24" />
        <source>Nieuwe crisis</source>
        <translation>New crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="28" />
        <source>Naam van de crisis</source>
        <translation>Name of the crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="30" />
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="36" />
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="34" />
        <source>Dit is een oefening (OEFENING op elk scherm)</source>
        <translation>This is an exercise (OEFENING on every screen)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="35" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="37" />
        <source>GRIP-niveau</source>
        <translation>GRIP level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="47" />
        <source>Geef de crisis een naam.</source>
        <translation>Give the crisis a name.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="48" />
        <source>Geef de gemeente.</source>
        <translation>Give the municipality.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_crisis_dialog.py" line="53" />
        <source>Te lang (ten hoogste %1 tekens).</source>
        <translation>Too long (at most %1 characters).</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="193" />
        <source>Uitkomst raadsvergadering</source>
        <translation>Council meeting outcome</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="198" />
        <source>gelijktijdige uitkomsten</source>
        <translation>concurrent outcomes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="206" />
        <source>Niet genoemde noodverordeningen gelden als niet behandeld.</source>
        <translation>Emergency ordinances not named count as not dealt with.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="209" />
        <source>Vergadering</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="210" />
        <source>Aanwezig (presentielijst)</source>
        <translation>Present (attendance list)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="211" />
        <source>Besloten op</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="229" />
        <source>niet behandeld</source>
        <translation>not dealt with</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="230" />
        <source>bekrachtigd</source>
        <translation>ratified</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="231" />
        <source>verworpen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_dialogs.py" line="241" />
        <source>Kies de vergadering.</source>
        <translation>Choose the meeting.</translation>
    </message>
</context>
<context>
    <name>OverdueDialog</name>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="51" />
        <location filename="../../ui/dialogs/overdue_dialog.py" line="69" />
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="62" />
        <source>%1 te laat in %2 crisis(sen)</source>
        <translation>%1 overdue in %2 crisis(es)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="65" />
        <source>Niets te laat</source>
        <translation>Nothing overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="67" />
        <source>Te laat, per crisis</source>
        <translation>Overdue, per crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="69" />
        <source>Termijn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="69" />
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="81" />
        <source>onbekende crisis</source>
        <translation>unknown crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="97" />
        <source>Ga naar</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="98" />
        <source>Open in de eigen crisis en pagina (Enter)</source>
        <translation>Open in its own crisis and page (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="102" />
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="152" />
        <source>%1 d %2 u</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="154" />
        <source>%1 u %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/overdue_dialog.py" line="155" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <location filename="../../ui/views/network_page.py" line="51" />
        <source>Partner toevoegen</source>
        <translation>Add partner</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="55" />
        <location filename="../../ui/views/network_page.py" line="59" />
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="56" />
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="57" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="58" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="58" />
        <source>Functie</source>
        <translation>Function</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="60" />
        <source>Wat de partner bijdraagt (twee zinnen)</source>
        <translation>What the partner contributes (two sentences)</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="61" />
        <source>24/7-nummer</source>
        <translation>24/7 number</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="62" />
        <source>Escalatienummer</source>
        <translation>Escalation number</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="63" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/views/network_page.py" line="70" />
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
</context>
<context>
    <name>PictureEntriesDialog</name>
    <message>
        <location filename="../../ui/dialogs/picture_entries_dialog.py" line="21" />
        <source>Onbekende melding</source>
        <translation>Unknown entry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/picture_entries_dialog.py" line="22" />
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/picture_entries_dialog.py" line="23" />
        <source>Tijdstip gebeurd</source>
        <translation>Time it happened</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/picture_entries_dialog.py" line="24" />
        <source>Vastgelegd</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/picture_entries_dialog.py" line="49" />
        <source>Meldingen achter dit item</source>
        <translation>Entries behind this item</translation>
    </message>
</context>
<context>
    <name>PicturePage</name>
    <message>
        <location filename="../../ui/views/picture_page.py" line="64" />
        <location filename="../../ui/views/picture_page.py" line="111" />
        <source>Totaalbeeld</source>
        <translation>Situational picture</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="67" />
        <source>Momentopname</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="70" />
        <source>Momentopname maken</source>
        <translation>Take snapshot</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="72" />
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="74" />
        <source>Situatierapport (PDF)</source>
        <translation>Situation report (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="74" />
        <source>EDXL-SitRep (XML)</source>
        <translation>EDXL-SitRep (XML)</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="75" />
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="78" />
        <location filename="../../ui/views/picture_page.py" line="87" />
        <source>Start briefing</source>
        <translation>Start briefing</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="94" />
        <source>Beeld:</source>
        <translation>Picture:</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="100" />
        <source>Overdracht…</source>
        <translation>Handover…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="158" />
        <source>Open eerst een crisis.</source>
        <translation>Open a crisis first.</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="184" />
        <source>Bezig: het totaalbeeld wordt opgebouwd…</source>
        <translation>Busy: building the situational picture…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="199" />
        <source>Live beeld van %1 — nog niet vastgelegd</source>
        <translation>Live picture of %1 — not recorded yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="208" />
        <source>Live (actueel)</source>
        <translation>Live (current)</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="210" />
        <source>Versie %1 — %2</source>
        <translation>Version %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="213" />
        <source>(briefing)</source>
        <translation>(briefing)</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="249" />
        <source>hash klopt</source>
        <translation>hash verifies</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="249" />
        <source>HASH KLOPT NIET — beschadigd</source>
        <translation>HASH MISMATCH — damaged</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="250" />
        <source>Momentopname versie %1 van %2, door %3; %4; SHA-256 %5</source>
        <translation>Snapshot version %1 of %2, by %3; %4; SHA-256 %5</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="307" />
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="323" />
        <source>Bezig met exporteren…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_page.py" line="327" />
        <source>Geëxporteerd: %1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>PictureTopics</name>
    <message>
        <location filename="../../ui/views/picture_topics.py" line="59" />
        <source>afgehandeld</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_topics.py" line="61" />
        <source>Alle onderwerpen</source>
        <translation>All topics</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_topics.py" line="74" />
        <source>Overdracht</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_topics.py" line="86" />
        <source>Overdracht geschreven: %1</source>
        <translation>Handover written: %1</translation>
    </message>
</context>
<context>
    <name>PurposeDialog</name>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="55" />
        <source>Kaart: %1</source>
        <translation>Card: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="57" />
        <source>bijv. briefing burgemeester driehoek</source>
        <translation>e.g. briefing the mayor for the triangle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="58" />
        <location filename="../../ui/dialogs/card_dialogs.py" line="59" />
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="60" />
        <source>Het inzien wordt vastgelegd met uw naam, tijd en doel.</source>
        <translation>The view is recorded with your name, the time and the purpose.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/card_dialogs.py" line="67" />
        <source>Geef het doel van het inzien.</source>
        <translation>Give the purpose of viewing.</translation>
    </message>
</context>
<context>
    <name>QuickEntryBar</name>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="41" />
        <source>Nieuwe melding… (Enter slaat op)</source>
        <translation>New report… (Enter saves)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="42" />
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="45" />
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="48" />
        <source>Persoon/kanaal</source>
        <translation>Person/channel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="49" />
        <source>Persoon of kanaal</source>
        <translation>Person or channel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="52" />
        <location filename="../../ui/widgets/log_quick_entry.py" line="53" />
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="54" />
        <source>Locatie: een plaatsnaam van de gemeente zet de melding op de kaart</source>
        <translation>Location: a place name of the municipality puts the entry on the map</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="63" />
        <source>Van horen zeggen</source>
        <translation>Hearsay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="64" />
        <source>Bevestigd</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="65" />
        <source>Betrouwbaarheid</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="67" />
        <location filename="../../ui/widgets/log_quick_entry.py" line="68" />
        <source>Bevestigd door</source>
        <translation>Confirmed by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="71" />
        <source>B2</source>
        <translation>B2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="72" />
        <source>Beoordeling (A–F, 1–6)</source>
        <translation>Grade (A–F, 1–6)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="75" />
        <source>uu:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="76" />
        <source>Tijdstip gebeurd</source>
        <translation>Time it happened</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="77" />
        <source>Tijdstip gebeurd (leeg: nu)</source>
        <translation>Time it happened (empty: now)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="79" />
        <location filename="../../ui/widgets/log_quick_entry.py" line="201" />
        <source>Bijlage…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="80" />
        <source>Bestanden bij deze melding (maximaal %1 MB per bestand)</source>
        <translation>Files with this report (at most %1 MB per file)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="83" />
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="87" />
        <source>Gekozen bijlagen</source>
        <translation>Chosen attachments</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="90" />
        <location filename="../../ui/widgets/log_quick_entry.py" line="91" />
        <source>Bijlagen weghalen</source>
        <translation>Remove attachments</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="97" />
        <source>Opnieuw proberen</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="162" />
        <source>Bijlagen kiezen</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="174" />
        <source>%1 is niet te lezen</source>
        <translation>%1 cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="177" />
        <source>%1 is te groot (%2 MB, maximaal %3 MB)</source>
        <translation>%1 is too large (%2 MB, at most %3 MB)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="184" />
        <source>Niet toegevoegd.</source>
        <translation>Not added.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="195" />
        <source>Bijlagen: %1</source>
        <translation>Attachments: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="202" />
        <source>Bijlage… (%1)</source>
        <translation>Attach… (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/log_quick_entry.py" line="233" />
        <source>Bezig met vastleggen…</source>
        <translation>Recording…</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="27" />
        <source>Herstelcodes</source>
        <translation>Recovery codes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="28" />
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="42" />
        <source>Herstelcode database</source>
        <translation>Database recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="29" />
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="51" />
        <source>Herstelcode kaartsleutel</source>
        <translation>Cards key recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="32" />
        <source>Deze herstelcodes worden maar één keer getoond. Bewaar ze op papier of als bestand op een veilige plek (niet op deze laptop), elk apart.</source>
        <translation>These recovery codes are shown only once. Keep them on paper or as a file in a safe place (not on this laptop), each on its own.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="38" />
        <source>Database: opent het bestand als de sleutelbos of de wachtzin verloren is.</source>
        <translation>Database: opens the file when the keyring or the passphrase is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="46" />
        <source>Kaartsleutel: geeft een aide die het profielgeheim kwijt is weer toegang tot de persoonskaarten (crisisconsole profile recover).</source>
        <translation>Cards key: gives an aide who lost their profile secret access to the person cards again (crisisconsole profile recover).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="53" />
        <source>Opslaan als bestand…</source>
        <translation>Save as file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="64" />
        <source>Herstelcodes opslaan</source>
        <translation>Save recovery codes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="71" />
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <location filename="../../ui/reminder_controller.py" line="89" />
        <source>Herinnering</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../ui/reminder_controller.py" line="120" />
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <location filename="../../ui/reminder_controller.py" line="121" />
        <source>onbekende crisis</source>
        <translation>unknown crisis</translation>
    </message>
    <message>
        <location filename="../../ui/reminder_controller.py" line="123" />
        <source>Te laat, per crisis (klik voor de lijst):</source>
        <translation>Overdue, per crisis (click for the list):</translation>
    </message>
    <message>
        <location filename="../../ui/reminder_controller.py" line="118" />
        <source>Niets te laat</source>
        <translation>Nothing overdue</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../ui/views/requests_page.py" line="82" />
        <location filename="../../ui/views/requests_page.py" line="107" />
        <source>Uitvragen</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="86" />
        <source>Nieuwe uitvraag: aan wie: de vraag … voor 15:00 (of binnen 30 min) — Enter</source>
        <translation>New request: to whom: the question … by 15:00 (or within 30 min) — Enter</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="87" />
        <source>Nieuwe uitvraag in één regel</source>
        <translation>New request in one line</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="95" />
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="96" />
        <location filename="../../ui/views/requests_page.py" line="171" />
        <source>Openstaand</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="97" />
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="119" />
        <source>Antwoord…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="120" />
        <source>Geweigerd…</source>
        <translation>Declined…</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="121" />
        <source>Intrekken…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="201" />
        <source> (genoemde persoon: niet in de partnerlijst)</source>
        <translation> (named person: not in the directory)</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="202" />
        <source>Uitvraag vastgelegd aan %1</source>
        <translation>Request recorded to %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="225" />
        <source>Antwoord vastgelegd als melding in het logboek</source>
        <translation>Answer recorded as an entry in the log</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="236" />
        <source>Reden:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="243" />
        <source>Geweigerd door de partner</source>
        <translation>Declined by the partner</translation>
    </message>
    <message>
        <location filename="../../ui/views/requests_page.py" line="246" />
        <source>Uitvraag ingetrokken</source>
        <translation>Request withdrawn</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="28" />
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="35" />
        <source>Taal (na herstart)</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="37" />
        <source>geen automatische back-up</source>
        <translation>no automatic backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="38" />
        <location filename="../../ui/dialogs/settings_dialog.py" line="92" />
        <source>Back-upmap</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="39" />
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="44" />
        <source>Back-upmap (bijv. USB-stick)</source>
        <translation>Backup folder (e.g. USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="48" />
        <location filename="../../ui/dialogs/settings_dialog.py" line="54" />
        <location filename="../../ui/dialogs/settings_dialog.py" line="68" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="49" />
        <source>Elke</source>
        <translation>Every</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="50" />
        <source>Een back-up is versleuteld en opent met dezelfde sleutel.</source>
        <translation>A backup is encrypted and opens with the same key.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="55" />
        <source>Drempel late melding</source>
        <translation>Late-report threshold</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="58" />
        <source>Een melding die langer na het gebeuren is vastgelegd, krijgt het kenmerk ‘laat’. Geldt voor iedereen die deze database gebruikt; elke wijziging wordt vastgelegd.</source>
        <translation>A report recorded longer than this after it happened is marked ‘late’. Applies to everyone using this database; every change is recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="60" />
        <source>Alleen de directe ondersteuner (aide) kan dit wijzigen.</source>
        <translation>Only the aide can change this.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="63" />
        <source>De drempel hoort bij de database en wordt vastgelegd in de auditketen.</source>
        <translation>The threshold belongs to the database and is recorded in the audit chain.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="69" />
        <source>Vergrendelen na inactiviteit</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="70" />
        <source>Vergrendelen na</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="72" />
        <source>geen: effen achtergrond met raster</source>
        <translation>none: plain background with a grid</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="73" />
        <location filename="../../ui/dialogs/settings_dialog.py" line="98" />
        <source>Kaartbestand</source>
        <translation>Map file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="74" />
        <source>Kiezen…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="79" />
        <source>Kaartbestand (MBTiles/PMTiles)</source>
        <translation>Map file (MBTiles/PMTiles)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="84" />
        <source>Alleen een directe ondersteuner (aide) stelt back-ups in.</source>
        <translation>Only a direct aide sets up backups.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="99" />
        <source>Kaartbestanden (*.mbtiles *.pmtiles);;Alle bestanden (*)</source>
        <translation>Map files (*.mbtiles *.pmtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="114" />
        <source>Kaartbestand geweigerd: %1</source>
        <translation>Map file refused: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="62" />
        <source>Late melding na</source>
        <translation>Late report after</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="172" />
        <source>Gelijktijdige correcties beslechten</source>
        <translation>Settle concurrent corrections</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="173" />
        <source>Gelijktijdige herbeoordelingen beslechten</source>
        <translation>Settle concurrent re-grades</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="180" />
        <source>Welke tekst blijft? De andere versie blijft in de geschiedenis.</source>
        <translation>Which text stays? The other version stays in the history.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="186" />
        <source>Welk oordeel blijft? Het andere blijft in de geschiedenis.</source>
        <translation>Which grade stays? The other stays in the history.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="209" />
        <source>Versie %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="190" />
        <source>Een nieuwe tekst:</source>
        <translation>A new text:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="193" />
        <source>Nieuwe tekst</source>
        <translation>New text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/log_action_dialogs.py" line="218" />
        <source>Kies een versie of typ een nieuwe tekst.</source>
        <translation>Choose a version or type a new text.</translation>
    </message>
</context>
<context>
    <name>ShortcutInventory</name>
    <message>
        <location filename="../../ui/shortcut_inventory.py" line="103" />
        <source>Overal</source>
        <translation>Everywhere</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/dialogs/shortcuts_dialog.py" line="24" />
        <location filename="../../ui/dialogs/shortcuts_dialog.py" line="29" />
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts_dialog.py" line="25" />
        <source>De toetsen van een pagina werken alleen als die pagina open is; die onder 'Overal' werken op elke pagina.</source>
        <translation>A page's keys work only while that page is open; those under 'Everywhere' work on every page.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts_dialog.py" line="30" />
        <source>Toets</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts_dialog.py" line="30" />
        <source>Wat</source>
        <translation>What</translation>
    </message>
</context>
<context>
    <name>TermsDialog</name>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="161" />
        <source>Termijnen en Wvr art. 39</source>
        <translation>Terms and Wvr art. 39</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="164" />
        <source>Termijnen (alle crises)</source>
        <translation>Terms (all crises)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="169" />
        <source> uur</source>
        <translation> hours</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="175" />
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="178" />
        <source>Meedelen aan raad, CdK en OvJ binnen</source>
        <translation>Inform council, CdK and prosecutor within</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="179" />
        <source>Bekrachtiging agenderen vóór de vergadering</source>
        <translation>Put ratification on the agenda before the meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="180" />
        <source>Wvr art. 39 bij %1</source>
        <translation>Wvr art. 39 for %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="182" />
        <source>Van toepassing (meer dan plaatselijke betekenis: de voorzitter veiligheidsregio is bevoegd)</source>
        <translation>Applies (more than local significance: the chair of the safety region holds the powers)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="184" />
        <source>Niet van toepassing</source>
        <translation>Does not apply</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="189" />
        <source>Nog niet vastgelegd; GRIP-niveau %1 geldt als aanwijzing: %2.</source>
        <translation>Not recorded yet; GRIP level %1 is taken as a hint: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="191" />
        <source>waarschijnlijk van toepassing</source>
        <translation>probably applies</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="192" />
        <source>waarschijnlijk niet van toepassing</source>
        <translation>probably does not apply</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/measure_event_dialog.py" line="193" />
        <source>Vastgelegd in het auditlog.</source>
        <translation>Recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="40" />
        <source>Tijdlijn van de crisis</source>
        <translation>Timeline of the crisis</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="55" />
        <source>Geen crisis gekozen</source>
        <translation>No crisis chosen</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="78" />
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="85" />
        <source>Inzoomen</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="86" />
        <source>Uitzoomen</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="87" />
        <source>Hele crisis</source>
        <translation>Whole crisis</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="94" />
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="147" />
        <source>zoom ×%1</source>
        <translation>zoom ×%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_page.py" line="161" />
        <source>Tijdlijn als PDF</source>
        <translation>Timeline as PDF</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="29" />
        <source>Crisis kiezen</source>
        <translation>Choose crisis</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="30" />
        <source>Geen crisis geopend</source>
        <translation>No crisis open</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="32" />
        <source>GRIP –</source>
        <translation>GRIP –</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="34" />
        <source>GRIP-niveau wijzigen (Ctrl+G)</source>
        <translation>Change GRIP level (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="35" />
        <source>GRIP-niveau</source>
        <translation>GRIP level</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="37" />
        <source>OEFENING</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="40" />
        <source>Te laat: 0</source>
        <translation>Overdue: 0</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="42" />
        <source>Openstaande verplichtingen te laat</source>
        <translation>Open obligations overdue</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/top_bar.py" line="45" />
        <location filename="../../ui/widgets/top_bar.py" line="109" />
        <source>Conflicten: %n</source>
        <translation>
            <numerusform>Conflicts: %n</numerusform><numerusform>Conflicts: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="47" />
        <source>Gelijktijdige correcties</source>
        <translation>Concurrent corrections</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="49" />
        <source>Gelijktijdige correcties uit het team, nog niet beslecht</source>
        <translation>Concurrent corrections from the team, not settled yet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="55" />
        <source>Teamserver</source>
        <translation>Team server</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="57" />
        <source>Lokaal · geen back-up</source>
        <translation>Local · no backup</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="62" />
        <source>Crisis:</source>
        <translation>Crisis:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/top_bar.py" line="97" />
        <source>Te laat: %n</source>
        <translation>
            <numerusform>Overdue: %n</numerusform><numerusform>Overdue: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="120" />
        <source>sync geweigerd</source>
        <translation>sync refused</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="123" />
        <source>offline sinds %1, %2 records wachten</source>
        <translation>offline since %1, %2 records waiting</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="126" />
        <source>De teamserver is niet bereikbaar; er wordt lokaal doorgewerkt en later bijgewerkt.</source>
        <translation>The team server cannot be reached; work goes on locally and catches up later.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="129" />
        <source>gesynchroniseerd %1</source>
        <translation>synchronised %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="131" />
        <source>%1 wachten</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="132" />
        <source>Verbonden met de teamserver</source>
        <translation>Connected to the team server</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="134" />
        <source>nog niet gesynchroniseerd</source>
        <translation>not synchronised yet</translation>
    </message>
</context>
<context>
    <name>TopicDialog</name>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="36" />
        <source>Onderwerp hernoemen</source>
        <translation>Rename topic</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="37" />
        <source>Stand van het onderwerp</source>
        <translation>Statement of the topic</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="38" />
        <source>Onderwerpen samenvoegen</source>
        <translation>Merge topics</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="39" />
        <source>Onderwerp splitsen</source>
        <translation>Split topic</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="40" />
        <source>Melding verplaatsen</source>
        <translation>Move entry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="67" />
        <source>Onderwerp:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="75" />
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="76" />
        <source>Nieuwe titel (leeg: automatisch):</source>
        <translation>New title (empty: automatic):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="77" />
        <source>Stand in één zin (leeg: automatisch):</source>
        <translation>Statement in one sentence (empty: automatic):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="78" />
        <source>Titel van het nieuwe onderwerp:</source>
        <translation>Title of the new topic:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="82" />
        <source>Samen te voegen onderwerpen</source>
        <translation>Topics to merge</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="89" />
        <source>Voeg samen met:</source>
        <translation>Merge with:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="92" />
        <source>Meldingen</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="99" />
        <source>Meldingen:</source>
        <translation>Entries:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="102" />
        <source>Naar onderwerp</source>
        <translation>To topic</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="105" />
        <source>Naar onderwerp:</source>
        <translation>To topic:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="141" />
        <source>Vink de onderwerpen aan die erbij komen.</source>
        <translation>Tick the topics to merge into this one.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="144" />
        <source>Vink de meldingen aan.</source>
        <translation>Tick the reports.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/topic_dialogs.py" line="146" />
        <source>Kies het onderwerp.</source>
        <translation>Choose the topic.</translation>
    </message>
</context>
<context>
    <name>TopicPanel</name>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="45" />
        <source>Hernoemen…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="46" />
        <source>Samenvoegen met…</source>
        <translation>Merge with…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="47" />
        <source>Splitsen…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="48" />
        <source>Melding verplaatsen…</source>
        <translation>Move entry…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="49" />
        <source>Vastpinnen / losmaken</source>
        <translation>Pin / unpin</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="50" />
        <source>Afhandelen / heropenen</source>
        <translation>Close / reopen</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="51" />
        <source>Stand formuleren…</source>
        <translation>Write statement…</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="63" />
        <source>Onderwerpen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="85" />
        <source>Bewerken</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="91" />
        <source>Onderwerpen (beheer)</source>
        <translation>Topics (curation)</translation>
    </message>
    <message>
        <location filename="../../ui/views/picture_curation.py" line="138" />
        <source>Kies eerst een onderwerp.</source>
        <translation>Choose a topic first.</translation>
    </message>
</context>
<context>
    <name>TopicsModel</name>
    <message>
        <location filename="../../ui/models/topics_model.py" line="33" />
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="33" />
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="34" />
        <source>Betrouwbaarheid</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="34" />
        <source>Meldingen</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="35" />
        <source>Laatste melding</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="35" />
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="36" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="40" />
        <source>Bevestigd</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="41" />
        <source>Van horen zeggen</source>
        <translation>Hearsay</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="42" />
        <source>Ontkracht</source>
        <translation>Refuted</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="43" />
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="47" />
        <source>↑ stijgend</source>
        <translation>↑ rising</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="48" />
        <source>↓ dalend</source>
        <translation>↓ falling</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="49" />
        <source>→ gelijk</source>
        <translation>→ steady</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="60" />
        <source>vastgepind</source>
        <translation>pinned</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="62" />
        <source>afgehandeld</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="64" />
        <source>heropend</source>
        <translation>reopened</translation>
    </message>
    <message>
        <location filename="../../ui/models/topics_model.py" line="66" />
        <source>tegenstrijdig</source>
        <translation>contradicted</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="30" />
        <source>Crisisconsole ontgrendelen</source>
        <translation>Unlock crisis console</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="42" />
        <source>De gegevens staan versleuteld op deze laptop. Kies de database, uw profiel en geef uw profielgeheim.</source>
        <translation>The data is encrypted on this laptop. Choose the database and your profile, and give your profile secret.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="47" />
        <source>Databasebestand</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="48" />
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="50" />
        <source>Nieuwe database…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="56" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="59" />
        <location filename="../../ui/dialogs/unlock_dialog.py" line="62" />
        <source>Wachtzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="60" />
        <source>alleen nodig als de sleutelbos de sleutel niet heeft</source>
        <translation>only needed when the keyring does not have the key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="64" />
        <location filename="../../ui/dialogs/unlock_dialog.py" line="67" />
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="70" />
        <location filename="../../ui/dialogs/unlock_dialog.py" line="73" />
        <source>Profielgeheim</source>
        <translation>Profile secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="71" />
        <source>wachtzin of pincode van uw profiel</source>
        <translation>your profile's passphrase or PIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="74" />
        <source>Herhaal</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="77" />
        <source>Profielgeheim herhalen</source>
        <translation>Repeat profile secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="85" />
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="87" />
        <source>Starten</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="100" />
        <source>Database kiezen</source>
        <translation>Choose database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="102" />
        <source>Crisisconsole-database (*.db);;Alle bestanden (*)</source>
        <translation>Crisis console database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="129" />
        <source>Geef de wachtzin van deze database.</source>
        <translation>Enter the passphrase of this database.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="159" />
        <source>Ontgrendeld. Kies uw profiel, geef uw geheim en start.</source>
        <translation>Unlocked. Choose your profile, give your secret and start.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="186" />
        <source>Dit profiel heeft nog geen geheim. Kies er nu een (wachtzin van minstens 8 tekens of pincode van minstens 6 cijfers) en herhaal het.</source>
        <translation>This profile has no secret yet. Choose one now (a passphrase of at least 8 characters or a PIN of at least 6 digits) and repeat it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="221" />
        <source>De twee geheimen zijn niet gelijk.</source>
        <translation>The two secrets differ.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="207" />
        <source>Profielgeheim controleren…</source>
        <translation>Checking the profile secret…</translation>
    </message>
</context>
<context>
    <name>ValidatedDialog</name>
    <message>
        <location filename="../../ui/dialogs/validated_dialog.py" line="124" />
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/validated_dialog.py" line="143" />
        <source>Niet opgeslagen: onverwachte fout (zie log).</source>
        <translation>Not saved: unexpected error (see the log).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/validated_dialog.py" line="165" />
        <source>Ongeldige waarde.</source>
        <translation>Invalid value.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/validated_dialog.py" line="168" />
        <source>Verplicht: vul dit in.</source>
        <translation>Required: fill this in.</translation>
    </message>
</context>
<context>
    <name>cards</name>
    <message>
        <location filename="../../ui/models/cards_model.py" line="22" />
        <source>Persoonskaart</source>
        <translation>Person card</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="23" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="24" />
        <source>Feiten</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="25" />
        <source>Herzien op</source>
        <translation>Review on</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="26" />
        <source>Bewaren tot</source>
        <translation>Keep until</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="75" />
        <source>Herziening is aan de beurt</source>
        <translation>Review is due</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="83" />
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="84" />
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="90" />
        <source>verwijderd</source>
        <translation>purged</translation>
    </message>
    <message>
        <location filename="../../ui/models/cards_model.py" line="93" />
        <source>crisis loopt nog</source>
        <translation>crisis still open</translation>
    </message>
</context>
<context>
    <name>decisions</name>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="23" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="24" />
        <source>gereed</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="25" />
        <source>vervallen</source>
        <translation>dropped</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="79" />
        <source>Tijdstip</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="80" />
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="81" />
        <source>Onderbouwing</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="82" />
        <source>Besloten door</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="83" />
        <source>Rust op</source>
        <translation>Rests on</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="88" />
        <source>beeld versie %1</source>
        <translation>picture version %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="94" />
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="95" />
        <source>Actiehouder</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="96" />
        <source>Termijn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="97" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions_model.py" line="102" />
        <source>TE LAAT</source>
        <translation>OVERDUE</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="17" />
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="22" />
        <source>Onverwachte fout</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="23" />
        <source>Er ging iets onverwachts mis. Uw invoer is niet weggegooid. De details staan in het logbestand:</source>
        <translation>Something unexpected went wrong. Your input was not discarded. The details are in the log file:</translation>
    </message>
</context>
<context>
    <name>intake</name>
    <message>
        <location filename="../../ui/models/table_preview_model.py" line="56" />
        <source>Rij</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/models/table_preview_model.py" line="57" />
        <source>Fouten</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="42" />
        <source>Geïmporteerd</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="42" />
        <source>Geweigerd</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="43" />
        <source>Geïmporteerd met waarschuwingen</source>
        <translation>Imported with warnings</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="44" />
        <source>Al aanwezig</source>
        <translation>Already present</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="44" />
        <source>Afgebroken</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="64" />
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="64" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="64" />
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="64" />
        <source>Meldingen</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="148" />
        <source>Nieuwe melding</source>
        <translation>New entry</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="148" />
        <source>Lijkt op</source>
        <translation>Resembles</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="148" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="148" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="149" />
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="196" />
        <source>Bevestiging</source>
        <translation>Corroboration</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_report_model.py" line="196" />
        <source>Mogelijk dubbel</source>
        <translation>Possible duplicate</translation>
    </message>
</context>
<context>
    <name>measures</name>
    <message>
        <location filename="../../ui/models/measures_model.py" line="25" />
        <source>Maatregel</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/models/measures_model.py" line="25" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/measures_model.py" line="26" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/measures_model.py" line="27" />
        <source>Volgende termijn</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models/measures_model.py" line="28" />
        <source>Aftellen</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <location filename="../../ui/models/measures_model.py" line="38" />
        <source>over %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/measures_model.py" line="39" />
        <source>%1 te laat</source>
        <translation>%1 overdue</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../ui/pages.py" line="98" />
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="99" />
        <source>Totaalbeeld</source>
        <translation>Situational picture</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="100" />
        <source>Maatregelen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="101" />
        <source>Personen</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="103" />
        <source>Besluiten &amp; acties</source>
        <translation>Decisions &amp; actions</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="104" />
        <source>Bronnen/Import</source>
        <translation>Sources/Import</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="105" />
        <source>Kaart</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="106" />
        <source>Uitvragen</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="107" />
        <source>Partners &amp; rooster</source>
        <translation>Partners &amp; roster</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="110" />
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="111" />
        <source>Evaluatie</source>
        <translation>Evaluation</translation>
    </message>
</context>
<context>
    <name>requests</name>
    <message>
        <location filename="../../ui/models/requests_model.py" line="27" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="28" />
        <source>deels beantwoord</source>
        <translation>partly answered</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="29" />
        <source>beantwoord</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="30" />
        <source>geweigerd</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="31" />
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="32" />
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="33" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="33" />
        <source>Termijn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="34" />
        <source>Aan</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="34" />
        <source>Vraag</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="35" />
        <source>Gevraagd</source>
        <translation>Asked</translation>
    </message>
    <message>
        <location filename="../../ui/models/requests_model.py" line="36" />
        <source>Antwoorden</source>
        <translation>Answers</translation>
    </message>
</context>
</TS>