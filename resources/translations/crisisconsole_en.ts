<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CreateDatabaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="29" />
        <location filename="../../ui/dialogs/create_database_dialog.py" line="65" />
        <source>Nieuwe database</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="33" />
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="38" />
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="39" />
        <source>Wachtzin gebruiken in plaats van de sleutelbos</source>
        <translation>Use a passphrase instead of the keyring</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="46" />
        <location filename="../../ui/dialogs/create_database_dialog.py" line="50" />
        <source>Wachtzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="49" />
        <source>Wachtzin herhalen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="51" />
        <source>Herhaal</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="53" />
        <source>Naam eerste profiel</source>
        <translation>Name of first profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="54" />
        <source>Eerste profiel (aide)</source>
        <translation>First profile (aide)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="76" />
        <source>De wachtzin moet minstens 8 tekens hebben.</source>
        <translation>The passphrase must have at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/create_database_dialog.py" line="79" />
        <source>De wachtzinnen zijn niet gelijk.</source>
        <translation>The passphrases do not match.</translation>
    </message>
</context>
<context>
    <name>GripDialog</name>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="22" />
        <source>GRIP-niveau wijzigen</source>
        <translation>Change GRIP level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="29" />
        <source>Nieuw GRIP-niveau</source>
        <translation>New GRIP level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="31" />
        <source>Reden of besluit (optioneel)</source>
        <translation>Reason or decision (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="32" />
        <location filename="../../ui/dialogs/grip_dialog.py" line="39" />
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="37" />
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="38" />
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="40" />
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/grip_dialog.py" line="40" />
        <source>geen</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="33" />
        <location filename="../../ui/main_window.py" line="126" />
        <source>Crisisconsole</source>
        <translation>Crisis console</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40" />
        <source>Navigatie</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="43" />
        <source>Database wordt geopend…</source>
        <translation>Opening database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>GRIP –</source>
        <translation>GRIP –</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>GRIP</source>
        <translation>GRIP</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>Open eerst een crisis.</source>
        <translation>Open a crisis first.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="24" />
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="35" />
        <source>Herstelcode</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="28" />
        <source>Dit is de herstelcode van de nieuwe database. Hij wordt maar één keer getoond. Bewaar hem op papier of als bestand op een veilige plek (niet op deze laptop).</source>
        <translation>This is the recovery code of the new database. It is shown only once. Keep it on paper or as a file in a safe place (not on this laptop).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="37" />
        <source>Opslaan als bestand…</source>
        <translation>Save as file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="45" />
        <source>Herstelcode opslaan</source>
        <translation>Save recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code_dialog.py" line="53" />
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="27" />
        <source>Crisis kiezen</source>
        <translation>Choose crisis</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="28" />
        <source>Geen crisis geopend</source>
        <translation>No crisis open</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="30" />
        <source>GRIP –</source>
        <translation>GRIP –</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="32" />
        <source>GRIP-niveau wijzigen (Ctrl+G)</source>
        <translation>Change GRIP level (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="33" />
        <source>GRIP-niveau</source>
        <translation>GRIP level</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="35" />
        <source>OEFENING</source>
        <translation>OEFENING / EXERCISE</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="38" />
        <source>Te laat: 0</source>
        <translation>Overdue: 0</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="40" />
        <source>Openstaande verplichtingen te laat</source>
        <translation>Open obligations overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="42" />
        <source>Lokaal · geen back-up</source>
        <translation>Local · no backup</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/top_bar.py" line="47" />
        <source>Crisis:</source>
        <translation>Crisis:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/top_bar.py" line="81" />
        <source>Te laat: %n</source>
        <translation>
            <numerusform>Overdue: %n</numerusform><numerusform>Overdue: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="28" />
        <source>Crisisconsole ontgrendelen</source>
        <translation>Unlock crisis console</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="34" />
        <source>De gegevens staan versleuteld op deze laptop. Kies de database en uw profiel.</source>
        <translation>The data is stored encrypted on this laptop. Choose the database and your profile.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="39" />
        <source>Databasebestand</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="40" />
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="42" />
        <source>Nieuwe database…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="48" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="51" />
        <location filename="../../ui/dialogs/unlock_dialog.py" line="54" />
        <source>Wachtzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="52" />
        <source>alleen nodig als de sleutelbos de sleutel niet heeft</source>
        <translation>only needed when the keyring does not have the key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="56" />
        <location filename="../../ui/dialogs/unlock_dialog.py" line="58" />
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="64" />
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="66" />
        <source>Starten</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="78" />
        <source>Database kiezen</source>
        <translation>Choose database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="80" />
        <source>Crisisconsole-database (*.db);;Alle bestanden (*)</source>
        <translation>Crisis console database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="105" />
        <source>Geef de wachtzin van deze database.</source>
        <translation>Enter the passphrase of this database.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unlock_dialog.py" line="134" />
        <source>Ontgrendeld. Kies uw profiel en start.</source>
        <translation>Unlocked. Choose your profile and start.</translation>
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
    <name>pages</name>
    <message>
        <location filename="../../ui/pages.py" line="27" />
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="28" />
        <source>Hier komt het live logboek: elke melding met bron, betrouwbaarheid en leeftijd. Nog niet beschikbaar in deze versie.</source>
        <translation>The live log will be here: every report with source, reliability and age. Not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="30" />
        <source>Totaalbeeld</source>
        <translation>Situational picture</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="31" />
        <source>Hier komt het totaalbeeld in BOB-volgorde, met de briefingmodus voor de burgemeester. Nog niet beschikbaar in deze versie.</source>
        <translation>The consolidated picture in BOB order will be here, with the briefing mode for the mayor. Not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="33" />
        <source>Maatregelen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="34" />
        <source>Hier komen noodverordeningen en noodbevelen met hun termijnen en herinneringen. Nog niet beschikbaar in deze versie.</source>
        <translation>Emergency ordinances and orders with their deadlines and reminders will be here. Not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="36" />
        <source>Personen</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="36" />
        <source>Persoonskaarten</source>
        <translation>Person cards</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="37" />
        <source>Hier komen de persoonskaarten (need to know). Nog niet beschikbaar in deze versie.</source>
        <translation>Person cards (need to know) will be here. Not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="39" />
        <source>Besluiten &amp; acties</source>
        <translation>Decisions &amp; actions</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="40" />
        <source>Hier komen besluiten met hun onderbouwing en acties met actiehouder en termijn. Nog niet beschikbaar in deze versie.</source>
        <translation>Decisions with their rationale and actions with owner and deadline will be here. Not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="42" />
        <source>Bronnen/Import</source>
        <translation>Sources/Import</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="42" />
        <source>Bronnen en import</source>
        <translation>Sources and import</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="43" />
        <source>Hier komt de invoer van CAP-berichten, spreadsheets en de inbox-map. Nog niet beschikbaar in deze versie.</source>
        <translation>Intake of CAP alerts, spreadsheets and the inbox folder will be here. Not available in this version yet.</translation>
    </message>
</context>
</TS>