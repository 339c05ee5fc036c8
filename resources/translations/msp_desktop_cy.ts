<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name></name>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="253"/>
        <source>Write exactly what they said, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="267"/>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="269"/>
        <source>%1 too many: shorten it before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="273"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="311"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="349"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="349"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="350"/>
        <source>— not recorded —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="373"/>
        <source>A linked record (not in this case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="397"/>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="452"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="544"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="555"/>
        <source>Not set until you type or choose a date. Left and Right move between its parts; Ctrl+Delete clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="557"/>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="564"/>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="692"/>
        <source>Rating: choose likelihood and impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="697"/>
        <source>Rating: %1, score %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="700"/>
        <source>– the score alone gives %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="727"/>
        <source>No entries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="730"/>
        <source>Add an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="731"/>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="899"/>
        <source>Add an entry to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="779"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="792"/>
        <source> (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="871"/>
        <source>Entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="873"/>
        <source>Remove entry %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/inputs.py" line="878"/>
        <source>%1, entry %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="33"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="34"/>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="37"/>
        <source>Your name on records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="40"/>
        <source>This vault was set up without your name, so your records would show the computer login “%1”. Type your name as it should appear on your records and exports. You are asked this once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="45"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="46"/>
        <source>Shown on every record you write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="48"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="54"/>
        <source>&amp;Use this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="56"/>
        <source>Use this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="58"/>
        <source>Ask me &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="60"/>
        <source>Ask me later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/author_dialog.py" line="78"/>
        <source>Enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../msp_desktop/ui/workers.py" line="138"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="195"/>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="198"/>
        <source>Search every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="199"/>
        <source>Search every record (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="209"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="210"/>
        <source>All open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="213"/>
        <source>&amp;Reviews due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="214"/>
        <source>Reviews due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="215"/>
        <source>Reviews due in the next 14 days or overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="217"/>
        <source>Overdue actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="65"/>
        <source>A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="66"/>
        <source>Z to A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="67"/>
        <source>earliest stage first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="68"/>
        <source>latest stage first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="69"/>
        <source>soonest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="70"/>
        <source>latest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="71"/>
        <source>fewest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="72"/>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="78"/>
        <source>most first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="73"/>
        <source>longest ago first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="74"/>
        <source>most recent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="75"/>
        <source>behind last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="76"/>
        <source>behind first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="77"/>
        <source>least first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="216"/>
        <source>Overd&amp;ue actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="218"/>
        <source>Needs &amp;attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="219"/>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="221"/>
        <source>Conflicting edits, unsaved drafts, overdue actions or reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="223"/>
        <source>Include c&amp;losed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="224"/>
        <source>Include closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="230"/>
        <source>S&amp;tage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="244"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="251"/>
        <source>Sort the cases by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="261"/>
        <source>S&amp;ort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="290"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="385"/>
        <source>No cases match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="386"/>
        <source>No cases yet. Press Ctrl+N to open a new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="421"/>
        <source>Searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="447"/>
        <source>The search could not run. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="459"/>
        <source>Showing the first %1 matches. Add words to narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="467"/>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/caseload_view.py" line="470"/>
        <source>Only the first %1 different words were searched for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="68"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="69"/>
        <source>Unexpected problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="71"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="75"/>
        <source>MSP Desktop hit an unexpected problem. Records you had already saved are safe in your encrypted vault. Text you were typing but had not saved may need to be entered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="83"/>
        <source>A technical report, with no case details in it, was written to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="85"/>
        <source>The technical report could not be written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="95"/>
        <source>Report location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="99"/>
        <source>You can carry on working. If this keeps happening, send the report to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="108"/>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="110"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="112"/>
        <source>&amp;Quit MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="114"/>
        <source>Quit MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="72"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="73"/>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="75"/>
        <source>Create a new vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="79"/>
        <source>Vault folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="79"/>
        <source>Browse for the vault folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="80"/>
        <source>Choose a folder for the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="84"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="85"/>
        <source>Shown on every record you write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="87"/>
        <source>This laptop&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="89"/>
        <source>Helps the office tell your laptops apart when records are shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="99"/>
        <source>Vault &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="101"/>
        <source>This &amp;laptop&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="109"/>
        <source>Your passphrase protects every case note in this vault. Without it, nobody can read them, including anyone who finds or steals this laptop. Choose a few unrelated words you can remember. If you forget the passphrase and the vault has no office recovery card, nobody can get your notes back, not even IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="120"/>
        <source>Office recovery card (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="127"/>
        <source>Your office can give you a recovery card file. With it, the office can help you back into the vault if you forget your passphrase. You can leave this empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="136"/>
        <source>Office recovery card file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="136"/>
        <source>Browse for the recovery card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="137"/>
        <source>Choose the office recovery card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="138"/>
        <source>Recovery cards (*.json *.card *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="139"/>
        <source>No recovery card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="100"/>
        <source>Your na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="141"/>
        <source>Recovery car&amp;d file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="152"/>
        <source>Fingerprint the office read out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="153"/>
        <source>For example ABCD-EFGH-IJKL-MNOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="154"/>
        <source>Fingerprint the office read &amp;out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="161"/>
        <source>Creating the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="162"/>
        <source>Creating the vault… this can take a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="164"/>
        <source>C&amp;reate vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="165"/>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="167"/>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="168"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="256"/>
        <source>Choose a folder for the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="259"/>
        <source>A vault already exists in this folder. Open it instead, or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="264"/>
        <source>Enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="266"/>
        <source>Enter a name for this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="270"/>
        <source>Type the recovery card&apos;s fingerprint as the office reads it out to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="285"/>
        <source>The recovery card file was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="295"/>
        <source>Card: %1. Phone your office and check they read out the same fingerprint as this one, then type it below.
Fingerprint: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="310"/>
        <source>This card cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="312"/>
        <source>The fingerprint matches the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="314"/>
        <source>This does not match the card&apos;s fingerprint. If the office read out a different one, do not use this card: ask for it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="317"/>
        <source>Type the fingerprint the office reads out to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/create_vault_dialog.py" line="323"/>
        <source>Confirm the recovery card&apos;s fingerprint first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <location filename="../../msp_desktop/ui/errors.py" line="56"/>
        <source>Something went wrong and the vault could not be opened. The details are in the log file; please tell your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockWarningDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/idle.py" line="197"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/idle.py" line="202"/>
        <location filename="../../msp_desktop/ui/idle.py" line="211"/>
        <source>Lock warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/idle.py" line="212"/>
        <source>&amp;Stay unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/idle.py" line="213"/>
        <source>Stay unlocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="83"/>
        <source>Save the record you are writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="86"/>
        <source>Finalise the record you are writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="89"/>
        <source>Next or previous page inside a case (Chronology, Notes…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="92"/>
        <source>Mark or unmark the selected chronology event as significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="95"/>
        <source>Open the selected case, record or search result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="98"/>
        <source>Leave the search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="101"/>
        <source>Move to the next or previous control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/main_window.py" line="104"/>
        <source>Go to that control or menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="56"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="57"/>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="59"/>
        <source>Open a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="63"/>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="65"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="67"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="68"/>
        <source>DD/MM/YYYY, or leave empty if not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="70"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="74"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="75"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="79"/>
        <source>Gender, in the adult&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="80"/>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="86"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="82"/>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="83"/>
        <source>For example English, Welsh, BSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="85"/>
        <source>Case-management system ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="88"/>
        <source>Adult already in the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="93"/>
        <source>Case opened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="98"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="107"/>
        <source>&amp;Given names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="108"/>
        <source>&amp;Family name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="109"/>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="110"/>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="111"/>
        <source>G&amp;ender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="112"/>
        <source>In their &amp;words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="113"/>
        <source>Preferred &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="114"/>
        <source>Case-management system &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="115"/>
        <source>&amp;Adult:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="116"/>
        <source>Case o&amp;pened on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="117"/>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="142"/>
        <source>&amp;Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="143"/>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="145"/>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="146"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="201"/>
        <source>Choose: the same adult, or someone new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="204"/>
        <source>Someone new: record a new adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="215"/>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="217"/>
        <source>ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="218"/>
        <source>1 earlier case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="219"/>
        <source>%1 earlier cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="262"/>
        <source>Enter the adult&apos;s family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="268"/>
        <source>Enter the date of birth as day/month/year, for example 25/12/1950.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="271"/>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="312"/>
        <source>An adult already in this vault may be the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="313"/>
        <source>%1 adults already in this vault may be the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="315"/>
        <source>Choose them to open a new case for them, or choose &apos;Someone new&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/new_case_dialog.py" line="330"/>
        <source>The case could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="166"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="167"/>
        <source>Confirm passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../msp_desktop/ui/passphrase.py" line="169"/>
        <source>At least %n characters. A few unrelated words work well.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="175"/>
        <source>S&amp;how passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="176"/>
        <source>Show passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="179"/>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="184"/>
        <source>&amp;Confirm passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="228"/>
        <source>Enter a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="230"/>
        <source>The passphrase contains characters that are not valid text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../msp_desktop/ui/passphrase.py" line="233"/>
        <source>Use at least %n characters; this one has %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="237"/>
        <source>This passphrase would be too easy to guess. Add more words, or use words that are not a common phrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="245"/>
        <source>Type the passphrase again to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="247"/>
        <source>The two passphrases do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathPicker</name>
    <message>
        <location filename="../../msp_desktop/ui/path_picker.py" line="49"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../msp_desktop/ui/records/editor.py" line="89"/>
        <source>New capacity &amp;assessment…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="68"/>
        <source>Overdue by 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="69"/>
        <source>Overdue by %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="74"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="76"/>
        <source>review on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="79"/>
        <source>proceeding without agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="86"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="87"/>
        <source>Desired outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="88"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="89"/>
        <source>Mental capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="91"/>
        <source>Risk and plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="94"/>
        <source>Enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="119"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="119"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="120"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="120"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="121"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="212"/>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="248"/>
        <source>Draft, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="251"/>
        <source>changes to a saved record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="253"/>
        <source>last typed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="307"/>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="308"/>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="324"/>
        <source>%1: records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="350"/>
        <source>No records yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="353"/>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="471"/>
        <source>Show &amp;entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="354"/>
        <source>Show records entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="359"/>
        <source>Choose a record from the list, or start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="470"/>
        <source>Show &amp;entered in error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/records/tabs.py" line="506"/>
        <source>A best-interests decision follows a capacity assessment that found the person lacks capacity for the decision. Record that assessment first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="50"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="51"/>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="53"/>
        <source>Forgotten your passphrase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="56"/>
        <source>Your office can help you set a new passphrase, in two steps. You send them a recovery request file; they send back a reply file. Nobody else can use either file to open your vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="66"/>
        <source>Step 1: save a recovery request and send it to your office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="69"/>
        <source>&amp;Save recovery request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="70"/>
        <source>Save recovery request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="77"/>
        <source>Request code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="81"/>
        <source>Step 2: when the office&apos;s reply arrives, choose the reply file and set a new passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="85"/>
        <source>Reply file from the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="85"/>
        <source>Browse for the reply file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="86"/>
        <source>Choose the office&apos;s reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="87"/>
        <source>Recovery replies (*.json *.msprecovery-reply);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="88"/>
        <source>The reply file the office sent you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="90"/>
        <source>&amp;Reply file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="95"/>
        <source>Opening the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="96"/>
        <source>Opening the vault… this can take a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="98"/>
        <source>Set &amp;passphrase and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="99"/>
        <source>Set passphrase and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="100"/>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="101"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="150"/>
        <source>Save the recovery request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="151"/>
        <source>Recovery requests (*%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="197"/>
        <source>This vault was created without an office recovery card, so the office cannot help open it. Nobody can open it without the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="209"/>
        <source>Request saved. Send the file to your office, then phone them and read out this request code so they can check it:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="213"/>
        <source>A recovery request is waiting for the office&apos;s reply. Its code is:
%1
Saving a new request replaces it: a reply to the old one then cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="232"/>
        <source>The request could not be saved there. Choose another place, for example your documents folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/recovery_dialog.py" line="246"/>
        <source>Choose the reply file the office sent you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="47"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="48"/>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="50"/>
        <source>Change the encryption key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="53"/>
        <source>Do this if your passphrase or a copy of the vault&apos;s key file may have been seen by someone else. The vault gets a new encryption key, and old copies of the key file stop opening it. This can take a minute for a large vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="58"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="59"/>
        <source>C&amp;urrent passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="61"/>
        <source>Also choose a &amp;new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="62"/>
        <source>Also choose a new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="69"/>
        <source>Progress of the key change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="73"/>
        <source>Change the &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="74"/>
        <source>Change the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="76"/>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="77"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="100"/>
        <source>Enter your current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="124"/>
        <source>Preparing the new key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="138"/>
        <source>The encryption key was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="140"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="142"/>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="143"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/key_dialogs.py" line="151"/>
        <source>Something went wrong and the encryption key was not changed. The details are in the log file; please tell your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="47"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="48"/>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="50"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="57"/>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="58"/>
        <source>Lock after minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="60"/>
        <source>MSP Desktop locks itself after this many minutes with no key or mouse use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="64"/>
        <source>Default export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="65"/>
        <source>Browse for the default export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="66"/>
        <source>Choose the default export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="67"/>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="74"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="71"/>
        <source>Default bundle folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="72"/>
        <source>Browse for the default bundle folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="73"/>
        <source>Choose the default bundle folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="84"/>
        <source>Text size, percent of the system size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="88"/>
        <source>&amp;Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="89"/>
        <source>Default &amp;export folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="90"/>
        <source>Default &amp;bundle folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="91"/>
        <source>&amp;Text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="98"/>
        <source>Reporting council of this vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="99"/>
        <source>— not set —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="102"/>
        <source>The council whose Safeguarding Adults Collection this vault&apos;s cases are counted for. Kept in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="104"/>
        <source>Reporting &amp;council:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="107"/>
        <source>Settings never contain case records. Text size applies immediately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="116"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="117"/>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="119"/>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="120"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="130"/>
        <source>Change the encryption &amp;key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="131"/>
        <source>Change the encryption key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/settings_dialog.py" line="133"/>
        <source>Gives the open vault a new encryption key, after a passphrase or key file may have been seen by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="37"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="38"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="40"/>
        <source>Welcome to MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="44"/>
        <source>MSP Desktop keeps your adult safeguarding case notes in an encrypted vault on this computer. It works without an internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="51"/>
        <source>&amp;Create a new vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="52"/>
        <source>&amp;Open an existing vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="53"/>
        <source>&amp;Explore the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="54"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="66"/>
        <source>Create a new vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="67"/>
        <source>Set up a new encrypted vault for your own case notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="72"/>
        <source>Open an existing vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="73"/>
        <source>Choose a vault folder that is already on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="78"/>
        <source>Explore the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="79"/>
        <source>Try MSP Desktop with made-up people and cases. Nothing real is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="95"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/start_window.py" line="143"/>
        <source>Choose a vault folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="111"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="129"/>
        <source>No passphrase yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/passphrase.py" line="130"/>
        <source>Strength: no passphrase yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="45"/>
        <source>MSP Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="46"/>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="77"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="48"/>
        <source>Unlock your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="53"/>
        <source>Vault folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="60"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="61"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="63"/>
        <source>S&amp;how passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="64"/>
        <source>Show passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="72"/>
        <source>Unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="73"/>
        <source>Unlocking… this can take a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="76"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="79"/>
        <source>Use a &amp;different vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="80"/>
        <source>Use a different vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="81"/>
        <source>&amp;Forgotten your passphrase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="82"/>
        <source>Forgotten your passphrase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="84"/>
        <source>Set a new passphrase with your office&apos;s help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/unlock_window.py" line="175"/>
        <source>Enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="11"/>
        <source>1 – Immediate protection needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="12"/>
        <source>18 to 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="13"/>
        <source>2 – Not an adult at risk, but may have care and support needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="14"/>
        <source>3 – An adult at risk, and action is needed to protect them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="15"/>
        <source>65 to 74</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="16"/>
        <source>75 to 84</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="17"/>
        <source>85 to 94</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="18"/>
        <source>95 and over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="19"/>
        <source>A Care Act needs assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="20"/>
        <source>A court order or other legal authority requires disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="21"/>
        <source>A deputy appointed by the Court of Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="22"/>
        <source>A paid social care provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="23"/>
        <source>A safeguarding enquiry or intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="24"/>
        <source>A serious crime has been committed, or sharing could prevent or detect one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="25"/>
        <source>A stranger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="26"/>
        <source>A valid advance decision to refuse treatment applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="27"/>
        <source>Able</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="28"/>
        <source>Access and mobility only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="29"/>
        <source>Acquired brain injury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="30"/>
        <source>Acute hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="31"/>
        <source>Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="32"/>
        <source>Advance decision to refuse treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="33"/>
        <source>Advice and guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="34"/>
        <source>Advocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="35"/>
        <source>Advocate the adult arranged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="36"/>
        <source>Age not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="37"/>
        <source>Agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="38"/>
        <source>Agreed with limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="39"/>
        <source>Agreed, then withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="40"/>
        <source>Ambulance service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="41"/>
        <source>An advocate or appropriate individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="42"/>
        <source>An attorney or deputy exists but has no authority for this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="43"/>
        <source>An attorney or deputy has authority for this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="44"/>
        <source>An attorney under a Lasting Power of Attorney</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="45"/>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="46"/>
        <source>Another condition (say which in the details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="47"/>
        <source>Another council service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="48"/>
        <source>Another decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="49"/>
        <source>Another public interest outweighs confidentiality (give the reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="50"/>
        <source>Another source the adult does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="51"/>
        <source>Appropriate individual (Care Act s.68)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="52"/>
        <source>Appropriate individual (informal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="53"/>
        <source>Article 6(1)(a): consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="54"/>
        <source>Article 6(1)(c): legal obligation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="55"/>
        <source>Article 6(1)(d): vital interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="56"/>
        <source>Article 6(1)(e): public task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="57"/>
        <source>Article 6(1)(ea): recognised legitimate interest (safeguarding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="58"/>
        <source>Article 9(2)(b): employment, social security and social protection (DPA 2018 Sch.1 para 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="59"/>
        <source>Article 9(2)(c): vital interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="60"/>
        <source>Article 9(2)(f): legal claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="61"/>
        <source>Article 9(2)(g): substantial public interest – safeguarding (DPA 2018 Sch.1 para 18)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="62"/>
        <source>Article 9(2)(h): health or social care (DPA 2018 Sch.1 para 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="63"/>
        <source>Asian or Asian British</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="64"/>
        <source>Asian or Asian British – Bangladeshi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="65"/>
        <source>Asian or Asian British – Indian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="66"/>
        <source>Asian or Asian British – Pakistani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="67"/>
        <source>Asian or Asian British – any other Asian background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="68"/>
        <source>Asked, and outcomes were expressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="69"/>
        <source>Asked, but no outcomes were expressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="70"/>
        <source>Asking would increase the risk to the adult or to others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="71"/>
        <source>Asperger&apos;s syndrome or high-functioning autism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="72"/>
        <source>Assessed: has capacity for this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="73"/>
        <source>Assessed: lacks capacity for this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="74"/>
        <source>Assessment and care management staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="75"/>
        <source>Asylum seeker support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="76"/>
        <source>At a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="77"/>
        <source>At the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="78"/>
        <source>Attorney under a Lasting Power of Attorney (health and welfare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="79"/>
        <source>Attorney under a Lasting Power of Attorney (property and financial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="80"/>
        <source>Autism (not Asperger&apos;s syndrome or high-functioning autism)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="81"/>
        <source>Barking and Dagenham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="82"/>
        <source>Barnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="83"/>
        <source>Barnsley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="84"/>
        <source>Bath and North East Somerset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="85"/>
        <source>Bedford</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="86"/>
        <source>Being drawn up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="87"/>
        <source>Best-interests decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="88"/>
        <source>Bexley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="89"/>
        <source>Birmingham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="90"/>
        <source>Black or Black British – African</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="91"/>
        <source>Black or Black British – Caribbean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="92"/>
        <source>Black or Black British – any other Black background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="93"/>
        <source>Black, African, Caribbean or Black British</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="94"/>
        <source>Blackburn with Darwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="95"/>
        <source>Blackpool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="96"/>
        <source>Blaenau Gwent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="97"/>
        <source>Bolton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="98"/>
        <source>Bournemouth, Christchurch and Poole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="99"/>
        <source>Bracknell Forest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="100"/>
        <source>Bradford</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="101"/>
        <source>Brent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="102"/>
        <source>Bridgend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="103"/>
        <source>Brighton and Hove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="104"/>
        <source>Bristol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="105"/>
        <source>Bromley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="106"/>
        <source>Buckinghamshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="107"/>
        <source>Bury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="108"/>
        <source>By phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="109"/>
        <source>By video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="110"/>
        <source>Caerphilly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="111"/>
        <source>Calderdale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="112"/>
        <source>Caldicott Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="113"/>
        <source>Cambridgeshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="114"/>
        <source>Camden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="115"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="116"/>
        <source>Capacity presumed, no reason to doubt it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="117"/>
        <source>Cardiff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="118"/>
        <source>Care Act 2014, section 42 (England)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="119"/>
        <source>Care Act assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="120"/>
        <source>Care and support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="121"/>
        <source>Care home provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="122"/>
        <source>Care home with nursing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="123"/>
        <source>Carmarthenshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="124"/>
        <source>Case discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="125"/>
        <source>Case management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="126"/>
        <source>Central Bedfordshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="127"/>
        <source>Ceredigion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="128"/>
        <source>Change the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="129"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="130"/>
        <source>Cheshire East</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="131"/>
        <source>Cheshire West and Chester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="132"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="133"/>
        <source>Children are, or may be, at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="134"/>
        <source>City of London</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="135"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="136"/>
        <source>Community hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="137"/>
        <source>Concern received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="138"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="139"/>
        <source>Consent to share information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="140"/>
        <source>Contact with other people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="141"/>
        <source>Continue the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="142"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="143"/>
        <source>Conwy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="144"/>
        <source>Cornwall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="145"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="146"/>
        <source>County Durham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="147"/>
        <source>Court of Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="148"/>
        <source>Court of Protection order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="149"/>
        <source>Coventry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="150"/>
        <source>Croydon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="151"/>
        <source>Cumberland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="152"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="153"/>
        <source>DWP appointee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="154"/>
        <source>Darlington</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="155"/>
        <source>Data Protection Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="156"/>
        <source>Decision made on the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="157"/>
        <source>Dementia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="158"/>
        <source>Denbighshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="159"/>
        <source>Deprivation of Liberty Safeguards – standard authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="160"/>
        <source>Deprivation of Liberty Safeguards – urgent authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="161"/>
        <source>Deputy appointed by the Court of Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="162"/>
        <source>Deputy – health and welfare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="163"/>
        <source>Deputy – property and affairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="164"/>
        <source>Derby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="165"/>
        <source>Derbyshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="166"/>
        <source>Devon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="167"/>
        <source>Discriminatory abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="168"/>
        <source>Domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="169"/>
        <source>Don&apos;t know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="170"/>
        <source>Doncaster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="171"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="172"/>
        <source>Dorset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="173"/>
        <source>Drug or alcohol misuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="174"/>
        <source>Dudley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="175"/>
        <source>During the enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="176"/>
        <source>Ealing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="177"/>
        <source>East Riding of Yorkshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="178"/>
        <source>East Sussex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="179"/>
        <source>Email, letter or text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="180"/>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="181"/>
        <source>End the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="182"/>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="183"/>
        <source>Enduring Power of Attorney</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="184"/>
        <source>Enfield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="185"/>
        <source>England</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="186"/>
        <source>Enquiry concluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="187"/>
        <source>Enquiry in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="188"/>
        <source>Enquiry stopped at the adult&apos;s request, no action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="189"/>
        <source>Entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="190"/>
        <source>Essex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="191"/>
        <source>Face to face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="192"/>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="193"/>
        <source>Family, friend or neighbour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="194"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="195"/>
        <source>Financial or material abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="196"/>
        <source>Fire and rescue service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="197"/>
        <source>Flintshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="198"/>
        <source>Frailty or temporary illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="199"/>
        <source>Friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="200"/>
        <source>Fully achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="201"/>
        <source>Gateshead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="202"/>
        <source>Gathering information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="203"/>
        <source>Gloucestershire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="204"/>
        <source>Greenwich</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="205"/>
        <source>Gwynedd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="206"/>
        <source>Hackney</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="207"/>
        <source>Halton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="208"/>
        <source>Hammersmith and Fulham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="209"/>
        <source>Hampshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="210"/>
        <source>Haringey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="211"/>
        <source>Harrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="212"/>
        <source>Hartlepool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="213"/>
        <source>Has capacity for this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="214"/>
        <source>Havering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="215"/>
        <source>Health professional (GP, community health)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="216"/>
        <source>Hearing loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="217"/>
        <source>Herefordshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="218"/>
        <source>Hertfordshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="219"/>
        <source>High risk (red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="220"/>
        <source>Hillingdon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="221"/>
        <source>Home care provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="222"/>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="223"/>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="224"/>
        <source>Hounslow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="225"/>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="226"/>
        <source>IMCA (statutory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="227"/>
        <source>IMCA in safeguarding (discretionary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="228"/>
        <source>In a community service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="229"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="230"/>
        <source>In place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="231"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="232"/>
        <source>In the community (not a community service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="233"/>
        <source>Inconclusive, action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="234"/>
        <source>Inconclusive, no action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="235"/>
        <source>Independent Mental Capacity Advocate (IMCA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="236"/>
        <source>Independent Mental Health Advocate (IMHA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="237"/>
        <source>Independent advocate (Care Act s.68)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="238"/>
        <source>Instruct an IMCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="239"/>
        <source>Instructed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="240"/>
        <source>Isle of Anglesey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="241"/>
        <source>Isle of Wight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="242"/>
        <source>Isles of Scilly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="243"/>
        <source>Islington</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="244"/>
        <source>Kensington and Chelsea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="245"/>
        <source>Kent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="246"/>
        <source>Kingston upon Hull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="247"/>
        <source>Kingston upon Thames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="248"/>
        <source>Kirklees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="249"/>
        <source>Knowsley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="250"/>
        <source>Lacks capacity for this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="251"/>
        <source>Lambeth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="252"/>
        <source>Lancashire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="253"/>
        <source>Lasting Power of Attorney – health and welfare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="254"/>
        <source>Lasting Power of Attorney – property and financial affairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="255"/>
        <source>Learning Disability Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="256"/>
        <source>Learning disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="257"/>
        <source>Learning disability support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="258"/>
        <source>Leeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="259"/>
        <source>Legal duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="260"/>
        <source>Legal services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="261"/>
        <source>Leicester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="262"/>
        <source>Leicestershire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="263"/>
        <source>Lewisham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="264"/>
        <source>Lincolnshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="265"/>
        <source>Liverpool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="266"/>
        <source>Long-term physical illness (for example heart or lung disease)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="267"/>
        <source>Low risk (green)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="268"/>
        <source>Luton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="269"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="270"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="271"/>
        <source>Manager&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="272"/>
        <source>Managing money and property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="273"/>
        <source>Manchester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="274"/>
        <source>Medical treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="275"/>
        <source>Medium risk (amber)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="276"/>
        <source>Medway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="277"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="278"/>
        <source>Mental Health Act guardianship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="279"/>
        <source>Mental Health Act section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="280"/>
        <source>Mental Health Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="281"/>
        <source>Mental health condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="282"/>
        <source>Mental health hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="283"/>
        <source>Mental health support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="284"/>
        <source>Merthyr Tydfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="285"/>
        <source>Merton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="286"/>
        <source>Middlesbrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="287"/>
        <source>Milton Keynes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="288"/>
        <source>Mixed or multiple ethnic groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="289"/>
        <source>Mixed – White and Asian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="290"/>
        <source>Mixed – White and Black African</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="291"/>
        <source>Mixed – White and Black Caribbean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="292"/>
        <source>Mixed – any other mixed background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="293"/>
        <source>Modern slavery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="294"/>
        <source>Monmouthshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="295"/>
        <source>Neath Port Talbot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="296"/>
        <source>Neglect and acts of omission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="297"/>
        <source>Neighbour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="298"/>
        <source>Neurological condition (not dementia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="299"/>
        <source>Newcastle upon Tyne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="300"/>
        <source>Newham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="301"/>
        <source>Newport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="302"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="303"/>
        <source>No action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="304"/>
        <source>No attorney, deputy or advance decision found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="305"/>
        <source>No further action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="306"/>
        <source>No further safeguarding role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="307"/>
        <source>No further step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="308"/>
        <source>No one else known to be at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="309"/>
        <source>No risk found, action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="310"/>
        <source>No risk found, no action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="311"/>
        <source>No safeguarding enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="312"/>
        <source>No support reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="313"/>
        <source>No, the adult did not lack capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="314"/>
        <source>Norfolk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="315"/>
        <source>North East Lincolnshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="316"/>
        <source>North Lincolnshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="317"/>
        <source>North Northamptonshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="318"/>
        <source>North Somerset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="319"/>
        <source>North Tyneside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="320"/>
        <source>North Yorkshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="321"/>
        <source>Northumberland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="322"/>
        <source>Not achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="323"/>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="324"/>
        <source>Not applicable – no risk identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="325"/>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="326"/>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="327"/>
        <source>Not considered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="328"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="329"/>
        <source>Not practicable: access denied or the adult could not be found in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="330"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="331"/>
        <source>Not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="332"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="333"/>
        <source>Not stated (the person chose not to say)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="334"/>
        <source>Not stated or not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="335"/>
        <source>Not yet decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="336"/>
        <source>Nottingham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="337"/>
        <source>Nottinghamshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="338"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="339"/>
        <source>Office visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="340"/>
        <source>Oldham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="341"/>
        <source>Organisational abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="342"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="343"/>
        <source>Other adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="344"/>
        <source>Other adults are, or may be, at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="345"/>
        <source>Other authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="346"/>
        <source>Other ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="347"/>
        <source>Other ethnic group – Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="348"/>
        <source>Other ethnic group – any other ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="349"/>
        <source>Other public, private or voluntary organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="350"/>
        <source>Other reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="351"/>
        <source>Other safeguarding enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="352"/>
        <source>Oxfordshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="353"/>
        <source>Paid carer arranged with a direct payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="354"/>
        <source>Paid carer the adult funds themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="355"/>
        <source>Partly achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="356"/>
        <source>Passed to another council service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="357"/>
        <source>Passed to another local authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="358"/>
        <source>Passed to another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="359"/>
        <source>Pembrokeshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="360"/>
        <source>Permanent or long term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="361"/>
        <source>Person alleged to have caused harm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="362"/>
        <source>Personal assistant employed by the adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="363"/>
        <source>Personal care support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="364"/>
        <source>Peterborough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="365"/>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="366"/>
        <source>Phone calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="367"/>
        <source>Physical abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="368"/>
        <source>Physical disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="369"/>
        <source>Physical support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="370"/>
        <source>Planning meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="371"/>
        <source>Planning the enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="372"/>
        <source>Plymouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="373"/>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="374"/>
        <source>Portsmouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="375"/>
        <source>Powys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="376"/>
        <source>Primary, secondary or community health staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="377"/>
        <source>Professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="378"/>
        <source>Psychological abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="379"/>
        <source>Public interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="380"/>
        <source>Raising a safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="381"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="382"/>
        <source>Redbridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="383"/>
        <source>Redcar and Cleveland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="384"/>
        <source>Refer to the attorney or deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="385"/>
        <source>Referrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="386"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="387"/>
        <source>Refused to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="388"/>
        <source>Regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="389"/>
        <source>Regulator (for example CQC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="390"/>
        <source>Relative, family member or unpaid carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="391"/>
        <source>Relevant person&apos;s representative (DoLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="392"/>
        <source>Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="393"/>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="394"/>
        <source>Required, not yet instructed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="395"/>
        <source>Residential care home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="396"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="397"/>
        <source>Rhondda Cynon Taf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="398"/>
        <source>Richmond upon Thames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="399"/>
        <source>Risk found, action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="400"/>
        <source>Risk found, no action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="401"/>
        <source>Rochdale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="402"/>
        <source>Rotherham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="403"/>
        <source>Rutland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="404"/>
        <source>Safeguarding lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="405"/>
        <source>Safeguarding plan in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="406"/>
        <source>Safeguarding plan under review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="407"/>
        <source>Salford</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="408"/>
        <source>Sandwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="409"/>
        <source>Section 42 enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="410"/>
        <source>Sefton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="411"/>
        <source>Self-neglect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="412"/>
        <source>Sensory support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="413"/>
        <source>Sexual abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="414"/>
        <source>Sexual exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="415"/>
        <source>Sexual relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="416"/>
        <source>Sharing information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="417"/>
        <source>Sheffield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="418"/>
        <source>Shropshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="419"/>
        <source>Sight and hearing loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="420"/>
        <source>Sight loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="421"/>
        <source>Signing or ending a tenancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="422"/>
        <source>Signposted to an external agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="423"/>
        <source>Slough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="424"/>
        <source>Social Services and Well-being (Wales) Act 2014, section 126</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="425"/>
        <source>Social care provider – private sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="426"/>
        <source>Social care provider – public sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="427"/>
        <source>Social care provider – voluntary sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="428"/>
        <source>Social support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="429"/>
        <source>Solihull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="430"/>
        <source>Someone else the adult knows (including self)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="431"/>
        <source>Someone known but not related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="432"/>
        <source>Someone the adult does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="433"/>
        <source>Somerset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="434"/>
        <source>Something else (examination, photographs, access to records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="435"/>
        <source>Somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="436"/>
        <source>South Gloucestershire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="437"/>
        <source>South Tyneside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="438"/>
        <source>Southampton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="439"/>
        <source>Southend-on-Sea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="440"/>
        <source>Southwark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="441"/>
        <source>St Helens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="442"/>
        <source>Staff or a service provider are implicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="443"/>
        <source>Staff or the public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="444"/>
        <source>Staffordshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="445"/>
        <source>Stockport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="446"/>
        <source>Stockton-on-Tees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="447"/>
        <source>Stoke-on-Trent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="448"/>
        <source>Strategy meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="449"/>
        <source>Substance misuse support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="450"/>
        <source>Suffolk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="451"/>
        <source>Sunderland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="452"/>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="453"/>
        <source>Support for dual impairment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="454"/>
        <source>Support for hearing impairment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="455"/>
        <source>Support for social isolation / other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="456"/>
        <source>Support for visual impairment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="457"/>
        <source>Support with Memory and Cognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="458"/>
        <source>Support with memory and cognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="459"/>
        <source>Surrey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="460"/>
        <source>Sutton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="461"/>
        <source>Swansea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="462"/>
        <source>Swindon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="463"/>
        <source>Taking part in the safeguarding enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="464"/>
        <source>Tameside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="465"/>
        <source>Telford and Wrekin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="466"/>
        <source>Telling the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="467"/>
        <source>Temporary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="468"/>
        <source>The adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="469"/>
        <source>The adult agreed part of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="470"/>
        <source>The adult agreed the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="471"/>
        <source>The adult did not agree the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="472"/>
        <source>The adult died</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="473"/>
        <source>The adult does not have needs for care and support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="474"/>
        <source>The adult has capacity but may be under duress, coercion or undue influence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="475"/>
        <source>The adult is able to protect themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="476"/>
        <source>The adult is not experiencing, or at risk of, abuse or neglect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="477"/>
        <source>The adult lacks capacity and a best-interests decision was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="478"/>
        <source>The adult lacks capacity for the decision, and a best-interests decision has been made to proceed or share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="479"/>
        <source>The adult moved away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="480"/>
        <source>The adult themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="481"/>
        <source>The adult themselves (self-neglect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="482"/>
        <source>The adult was unable to agree the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="483"/>
        <source>The adult&apos;s outcomes were met and the risk is managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="484"/>
        <source>The adult&apos;s own home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="485"/>
        <source>The adult&apos;s representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="486"/>
        <source>The adult, who has capacity, declined support and no one else is at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="487"/>
        <source>The alleged abuser has care and support needs and may also be at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="488"/>
        <source>The plan may amount to a deprivation of liberty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="489"/>
        <source>The plan would not amount to a deprivation of liberty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="490"/>
        <source>The risk is very high, to life or limb (vital interests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="491"/>
        <source>The risk meets the threshold for a domestic-abuse MARAC referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="492"/>
        <source>The risk remained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="493"/>
        <source>The risk was reduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="494"/>
        <source>The risk was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="495"/>
        <source>Thurrock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="496"/>
        <source>Torbay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="497"/>
        <source>Torfaen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="498"/>
        <source>Tower Hamlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="499"/>
        <source>Trafford</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="500"/>
        <source>Transferred to another local authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="501"/>
        <source>Unable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="502"/>
        <source>Unable to reach a conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="503"/>
        <source>Unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="504"/>
        <source>Under review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="505"/>
        <source>Unpaid carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="506"/>
        <source>Use of the internet and social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="507"/>
        <source>Vale of Glamorgan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="508"/>
        <source>Video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="509"/>
        <source>Visit – no reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="510"/>
        <source>Voluntary sector organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="511"/>
        <source>Wakefield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="512"/>
        <source>Wales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="513"/>
        <source>Walsall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="514"/>
        <source>Waltham Forest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="515"/>
        <source>Wandsworth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="516"/>
        <source>Warrington</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="517"/>
        <source>Warwickshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="518"/>
        <source>West Berkshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="519"/>
        <source>West Northamptonshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="520"/>
        <source>West Sussex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="521"/>
        <source>Westminster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="522"/>
        <source>Westmorland and Furness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="523"/>
        <source>Where to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="524"/>
        <source>White</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="525"/>
        <source>White – British</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="526"/>
        <source>White – Irish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="527"/>
        <source>White – any other White background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="528"/>
        <source>Wigan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="529"/>
        <source>Wiltshire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="530"/>
        <source>Windsor and Maidenhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="531"/>
        <source>Wirral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="532"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="533"/>
        <source>Wokingham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="534"/>
        <source>Wolverhampton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="535"/>
        <source>Worcestershire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="536"/>
        <source>Wrexham</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="537"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="538"/>
        <source>Yes, the adult lacked capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="539"/>
        <source>York</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="540"/>
        <source>(a) Has needs for care and support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="541"/>
        <source>(b) Is experiencing, or at risk of, abuse or neglect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="542"/>
        <source>(c) Because of those needs, is unable to protect themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="543"/>
        <source>A Care Act s.11(2) exception applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="544"/>
        <source>Achievement agreed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="545"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="546"/>
        <source>Action about the person alleged to have caused harm recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="547"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="548"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="549"/>
        <source>Adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="550"/>
        <source>Advocate or IMCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="551"/>
        <source>Also alleged to have caused harm in another case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="552"/>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="553"/>
        <source>Assessed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="554"/>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="555"/>
        <source>Assessor&apos;s role and registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="556"/>
        <source>Authorisation route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="557"/>
        <source>Benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="558"/>
        <source>Burdens and risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="559"/>
        <source>By when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="560"/>
        <source>CQC notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="561"/>
        <source>Capacity assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="562"/>
        <source>Capacity assessment for the risk decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="563"/>
        <source>Capacity for this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="564"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="565"/>
        <source>Case-management system ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="566"/>
        <source>Change in risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="567"/>
        <source>Checked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="568"/>
        <source>Checked for an attorney, deputy or advance decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="569"/>
        <source>Checked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="570"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="571"/>
        <source>Closed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="572"/>
        <source>Common-law basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="573"/>
        <source>Communicate the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="574"/>
        <source>Communication needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="575"/>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="576"/>
        <source>Concluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="577"/>
        <source>Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="578"/>
        <source>Conclusion on the balance of probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="579"/>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="580"/>
        <source>Consent and capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="581"/>
        <source>Consent to raise the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="582"/>
        <source>Consulted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="583"/>
        <source>Contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="584"/>
        <source>Controls proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="585"/>
        <source>Could the decision wait? Is capacity likely to return?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="586"/>
        <source>Could this amount to a deprivation of liberty?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="587"/>
        <source>Council of ordinary residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="588"/>
        <source>Council where the abuse happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="589"/>
        <source>Council where the abuse happened, as typed before councils were coded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="590"/>
        <source>Council where the adult is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="591"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="592"/>
        <source>Court of Protection referral considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="593"/>
        <source>Crime reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="594"/>
        <source>Criteria not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="595"/>
        <source>DASH checklist score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="596"/>
        <source>DASH completed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="597"/>
        <source>DBS referral considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="598"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="599"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="600"/>
        <source>Date of birth is estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="601"/>
        <source>Date of death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="602"/>
        <source>Date of the Active Offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="603"/>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="604"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="605"/>
        <source>Decision that started it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="606"/>
        <source>Decision-maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="607"/>
        <source>Decision-maker&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="608"/>
        <source>Desired outcome it serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="609"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="610"/>
        <source>Details of the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="611"/>
        <source>Details of the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="612"/>
        <source>Determination (Wales)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="613"/>
        <source>Did the adult agree the plan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="614"/>
        <source>Did the adult lack capacity?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="615"/>
        <source>Disagreements and how they were resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="616"/>
        <source>Do not contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="617"/>
        <source>Earlier episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="618"/>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="619"/>
        <source>Enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="620"/>
        <source>Enquiry lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="621"/>
        <source>Ethnic category (NHS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="622"/>
        <source>Ethnic group (SAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="623"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="624"/>
        <source>Evidence for (a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="625"/>
        <source>Evidence for (b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="626"/>
        <source>Evidence for (c)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="627"/>
        <source>Evidence: communicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="628"/>
        <source>Evidence: retain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="629"/>
        <source>Evidence: understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="630"/>
        <source>Evidence: use or weigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="631"/>
        <source>Face to face or remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="632"/>
        <source>Facts supporting each ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="633"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="634"/>
        <source>Feedback given to the referrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="635"/>
        <source>First said on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="636"/>
        <source>For what purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="637"/>
        <source>GP practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="638"/>
        <source>Gender (SAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="639"/>
        <source>Gender, in the adult&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="640"/>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="641"/>
        <source>Grounds for proceeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="642"/>
        <source>Health conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="643"/>
        <source>History (past incidents, frequency, escalation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="644"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="645"/>
        <source>How far was it achieved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="646"/>
        <source>How often it is reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="647"/>
        <source>How restrictive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="648"/>
        <source>How the adult&apos;s views were represented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="649"/>
        <source>How the adult&apos;s wishes are still respected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="650"/>
        <source>How the decision was put to the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="651"/>
        <source>How the enquiry was planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="652"/>
        <source>How the person was helped to take part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="653"/>
        <source>How they took part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="654"/>
        <source>IMCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="655"/>
        <source>IMCA: reason or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="656"/>
        <source>If the plan fails or risks change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="657"/>
        <source>Immediate safety actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="658"/>
        <source>Impact (1-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="659"/>
        <source>Impairment of, or disturbance in, the mind or brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="660"/>
        <source>Incident date (or first date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="661"/>
        <source>Information given to the adult (risks, options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="662"/>
        <source>Information shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="663"/>
        <source>Interpreter (name and agency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="664"/>
        <source>Interpreter or communication support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="665"/>
        <source>Interpreter used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="666"/>
        <source>Is also an adult at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="667"/>
        <source>Is the inability because of the impairment? Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="668"/>
        <source>Kind of decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="669"/>
        <source>Language for letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="670"/>
        <source>Language used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="671"/>
        <source>Large-scale enquiry reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="672"/>
        <source>Last incident date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="673"/>
        <source>Lead coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="674"/>
        <source>Lead practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="675"/>
        <source>Legal framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="676"/>
        <source>Lessons learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="677"/>
        <source>Likelihood (1-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="678"/>
        <source>Linked allegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="679"/>
        <source>Linked related person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="680"/>
        <source>Local sub-type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="681"/>
        <source>MARAC referral date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="682"/>
        <source>MARAC referral made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="683"/>
        <source>Manager or safeguarding lead agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="684"/>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="685"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="686"/>
        <source>Name of the place or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="687"/>
        <source>Needs an interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="688"/>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="689"/>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="690"/>
        <source>No recourse to public funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="691"/>
        <source>Office of the Public Guardian notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="692"/>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="693"/>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="694"/>
        <source>Options considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="695"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="696"/>
        <source>Organisation asked to make the enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="697"/>
        <source>Other communication support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="698"/>
        <source>Other processes continuing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="699"/>
        <source>Others at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="700"/>
        <source>Others at risk (adults, children)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="701"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="702"/>
        <source>Outcome of the SAR consideration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="703"/>
        <source>Outcomes, as the adult sees them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="704"/>
        <source>Paid or professionally involved in the adult&apos;s care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="705"/>
        <source>Partner agencies informed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="706"/>
        <source>Past and present wishes, feelings, beliefs and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="707"/>
        <source>People consulted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="708"/>
        <source>People consulted, and any disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="709"/>
        <source>Person or organisation alleged to have caused harm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="710"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="711"/>
        <source>Placing council</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="712"/>
        <source>Placing council, as typed before councils were coded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="713"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="714"/>
        <source>Police involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="715"/>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="716"/>
        <source>Practicable steps taken to help the person decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="717"/>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="718"/>
        <source>Preferred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="719"/>
        <source>Primary support reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="720"/>
        <source>Primary support reason (SAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="721"/>
        <source>Primary support reason at this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="722"/>
        <source>Primary support reason at this case (SAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="723"/>
        <source>Proceeding or sharing without the adult&apos;s agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="724"/>
        <source>Professional analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="725"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="726"/>
        <source>Protective factors and strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="727"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="728"/>
        <source>Rating, if different from the score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="729"/>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="730"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="731"/>
        <source>Reasonable cause to suspect checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="732"/>
        <source>Reasonable cause to suspect: reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="733"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="734"/>
        <source>Referral to children&apos;s services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="735"/>
        <source>Referrer informed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="736"/>
        <source>Referrer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="737"/>
        <source>Referrer&apos;s organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="738"/>
        <source>Referrer&apos;s relationship to the adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="739"/>
        <source>Related person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="740"/>
        <source>Relationship or role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="741"/>
        <source>Relationship to the adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="742"/>
        <source>Relevant information given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="743"/>
        <source>Representative (related person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="744"/>
        <source>Representative&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="745"/>
        <source>Response instead of an enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="746"/>
        <source>Result of the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="747"/>
        <source>Retain it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="748"/>
        <source>Review on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="749"/>
        <source>Reviewed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="750"/>
        <source>Risk it addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="751"/>
        <source>Risk remaining after the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="752"/>
        <source>Risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="753"/>
        <source>Risks identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="754"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="755"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="756"/>
        <source>Safeguarding Adults Review considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="757"/>
        <source>Safety notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="758"/>
        <source>Safety notes for visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="759"/>
        <source>Shared on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="760"/>
        <source>Shared with the adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="761"/>
        <source>Shared with whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="762"/>
        <source>Short, medium and long-term arrangements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="763"/>
        <source>Significant event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="764"/>
        <source>Signs of coercion or undue influence considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="765"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="766"/>
        <source>Source of risk (SAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="767"/>
        <source>Source of risk (detail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="768"/>
        <source>Spoke for the adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="769"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="770"/>
        <source>Stage at closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="771"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="772"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="773"/>
        <source>Steps to keep the adult safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="774"/>
        <source>Support offered (advocacy, peer support)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="775"/>
        <source>Support offered to other adults at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="776"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="777"/>
        <source>Temporary or permanent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="778"/>
        <source>The adult knows they can change their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="779"/>
        <source>The adult was seen alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="780"/>
        <source>The adult was there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="781"/>
        <source>The adult was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="782"/>
        <source>The adult&apos;s aims and view of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="783"/>
        <source>The adult&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="784"/>
        <source>The adult&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="785"/>
        <source>The adult&apos;s reasons, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="786"/>
        <source>The adult&apos;s response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="787"/>
        <source>The adult&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="788"/>
        <source>The adult&apos;s view of closing, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="789"/>
        <source>The adult&apos;s view of this risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="790"/>
        <source>The adult&apos;s view, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="791"/>
        <source>The decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="792"/>
        <source>The decision, stated specifically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="793"/>
        <source>The impairment, and how you know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="794"/>
        <source>The person&apos;s view of the decision and the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="795"/>
        <source>The risk the adult is accepting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="796"/>
        <source>Their report is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="797"/>
        <source>Their views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="798"/>
        <source>Told on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="799"/>
        <source>Type of abuse or neglect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="800"/>
        <source>Type of contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="801"/>
        <source>Type of enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="802"/>
        <source>UK GDPR Article 6 basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="803"/>
        <source>UK GDPR Article 9 condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="804"/>
        <source>Understand the relevant information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="805"/>
        <source>Use or weigh it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="806"/>
        <source>Was the adult (or representative) asked about desired outcomes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="807"/>
        <source>Was the adult supported by an advocate, family or friend?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="808"/>
        <source>Welsh-language Active Offer made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="809"/>
        <source>Were the desired outcomes achieved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="810"/>
        <source>What could happen, to whom, and how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="811"/>
        <source>What happened and what you saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="812"/>
        <source>What happened to the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="813"/>
        <source>What is alleged or identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="814"/>
        <source>What others reported (say who)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="815"/>
        <source>What the adult wants to happen, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="816"/>
        <source>What the adult was asked about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="817"/>
        <source>What was done, or why it was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="818"/>
        <source>What was reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="819"/>
        <source>What was shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="820"/>
        <source>When the safety actions were taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="821"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="822"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="823"/>
        <source>Who agreed the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="824"/>
        <source>Who decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="825"/>
        <source>Who gave that support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="826"/>
        <source>Who gave the adult&apos;s views, if not the adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="827"/>
        <source>Who is at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="828"/>
        <source>Who raised it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="829"/>
        <source>Who said it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="830"/>
        <source>Who took part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="831"/>
        <source>Who was present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="832"/>
        <source>Who was there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="833"/>
        <source>Why capacity is in doubt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="834"/>
        <source>Why consent was not sought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="835"/>
        <source>Why it changed or was withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="836"/>
        <source>Why it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="837"/>
        <source>Why it is significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="838"/>
        <source>Why less intrusive options would not do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="839"/>
        <source>Why not consulted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="840"/>
        <source>Why telling the adult would be dangerous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="841"/>
        <source>Why the adult was not seen alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="842"/>
        <source>Why the adult&apos;s desired outcomes were not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="843"/>
        <source>Why the adult&apos;s view could not be obtained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="844"/>
        <source>Why the exception applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="845"/>
        <source>Why the rating differs from the score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="846"/>
        <source>Why this is the least restrictive option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="847"/>
        <source>Why this is written more than a day later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="848"/>
        <source>Why this was not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="849"/>
        <source>Why you are not intervening or sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="850"/>
        <source>Written with the adult</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="851"/>
        <source>A formal diagnosis is not essential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="852"/>
        <source>A paid or professional carer cannot be the Care Act s.68 appropriate person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="853"/>
        <source>Also recorded on the adult, if not already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="854"/>
        <source>An unwise choice on its own is not a reason to doubt capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="855"/>
        <source>As the referrer reported it; your own analysis goes elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="856"/>
        <source>Autism and Asperger&apos;s syndrome are counted in the Safeguarding Adults Collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="857"/>
        <source>BSL, communication aids, an advocate present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="858"/>
        <source>Choose the council above; then clear this text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="859"/>
        <source>Consider other explanations: coercion, fear, intoxication, or not being given the information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="860"/>
        <source>England uses the Care Act and the SAC; Wales uses the SSWBA 2014.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="861"/>
        <source>Facts and observations only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="862"/>
        <source>For example English, Welsh, BSL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="863"/>
        <source>For example a police investigation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="864"/>
        <source>For example county lines, cuckooing, scam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="865"/>
        <source>For example: the person alleged to have caused harm lives here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="866"/>
        <source>If the adult did not attend or could not agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="867"/>
        <source>One decision per assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="868"/>
        <source>Record the evidence, in the person&apos;s own words where you can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="869"/>
        <source>That no one else is at risk, or how that risk is managed another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="870"/>
        <source>The council that arranged the adult&apos;s placement, when it is another council.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="871"/>
        <source>The options and the foreseeable consequences of each, and of not deciding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="872"/>
        <source>Time, place, aids, language, repeat visits, formats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="873"/>
        <source>What the adult likes to be called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="874"/>
        <source>When a closed case is reopened, the new episode links to the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="875"/>
        <source>When it happened, not when you are writing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="876"/>
        <source>When the council causes another organisation to make the enquiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="877"/>
        <source>Whether or not the council is meeting them; they need not be eligible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="878"/>
        <source>Your opinion, kept apart from the facts; say what it is based on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="879"/>
        <source>Adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="880"/>
        <source>Adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="881"/>
        <source>Best-interests decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="882"/>
        <source>Best-interests decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="883"/>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="884"/>
        <source>Case notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="885"/>
        <source>Chronology mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="886"/>
        <source>Chronology marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="887"/>
        <source>Closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="888"/>
        <source>Closures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="889"/>
        <source>Consent decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="890"/>
        <source>Consent decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="891"/>
        <source>Decision on the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="892"/>
        <source>Decisions on concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="893"/>
        <source>Desired outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="894"/>
        <source>Desired outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="895"/>
        <source>Mental capacity assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="896"/>
        <source>Mental capacity assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="897"/>
        <source>Plan action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="898"/>
        <source>Plan actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="899"/>
        <source>Plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="900"/>
        <source>Plan reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="901"/>
        <source>Related people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="902"/>
        <source>Related person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="903"/>
        <source>Risk (allegation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="904"/>
        <source>Risk assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="905"/>
        <source>Risk assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="906"/>
        <source>Risks (allegations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="907"/>
        <source>Safeguarding case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="908"/>
        <source>Safeguarding cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="909"/>
        <source>Safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="910"/>
        <source>Safeguarding concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="911"/>
        <source>Safeguarding enquiries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="912"/>
        <source>Safeguarding enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="913"/>
        <source>Safeguarding plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="914"/>
        <source>Safeguarding plans</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="915"/>
        <source>Achievement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="916"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="917"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="918"/>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="919"/>
        <source>Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="920"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="921"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="922"/>
        <source>Closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="923"/>
        <source>Communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="924"/>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="925"/>
        <source>Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="926"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="927"/>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="928"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="929"/>
        <source>Councils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="930"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="931"/>
        <source>Domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="932"/>
        <source>Enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="933"/>
        <source>Equality data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="934"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="935"/>
        <source>Functional test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="936"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="937"/>
        <source>Impairment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="938"/>
        <source>Information shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="939"/>
        <source>Language and communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="940"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="941"/>
        <source>Making Safeguarding Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="942"/>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="943"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="944"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="945"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="946"/>
        <source>Other agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="947"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="948"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="949"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="950"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="951"/>
        <source>Proceeding without agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="952"/>
        <source>Reasonable cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="953"/>
        <source>Referrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="954"/>
        <source>Respecting the refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="955"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="956"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="957"/>
        <source>Risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="958"/>
        <source>SAC return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="959"/>
        <source>Safeguarding Adults Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="960"/>
        <source>Safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="961"/>
        <source>Section 42 criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="962"/>
        <source>Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="963"/>
        <source>Sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="964"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="965"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="966"/>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="967"/>
        <source>The adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="968"/>
        <source>The decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="969"/>
        <source>The person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="970"/>
        <source>Wales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="971"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="972"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="973"/>
        <source>Amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="974"/>
        <source>Entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="975"/>
        <source>Finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../msp_desktop/ui/domain_strings.py" line="976"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../msp_desktop/ui/screenshots.py" line="71"/>
        <source>Risk:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
