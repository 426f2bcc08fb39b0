<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AutostartEntry</name>
    <message>
        <source>Fermata could not remove %1, so it would still start when you log in. Check the folder&apos;s permissions.</source>
        <translation>Fermata konnte %1 nicht entfernen und würde daher weiterhin bei der Anmeldung starten. Prüfen Sie die Zugriffsrechte des Ordners.</translation>
    </message>
    <message>
        <source>Fermata could not write %1 (%2).</source>
        <translation>Fermata konnte %1 nicht schreiben (%2).</translation>
    </message>
    <message>
        <source>Fermata could not write the value &quot;%1&quot; under %2.</source>
        <translation>Fermata konnte den Wert „%1“ unter %2 nicht schreiben.</translation>
    </message>
    <message>
        <source>Fermata could not remove the value &quot;%1&quot; under %2, so it would still start when you log in.</source>
        <translation>Fermata konnte den Wert „%1“ unter %2 nicht entfernen und würde daher weiterhin bei der Anmeldung starten.</translation>
    </message>
</context>
<context>
    <name>fermata::AttentionStatus</name>
    <message numerus="yes">
        <source> · %n held</source>
        <translation>
            <numerusform> · %n zurückgehalten</numerusform>
            <numerusform> · %n zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Focus time is up</source>
        <translation>Fokuszeit ist um</translation>
    </message>
    <message>
        <source>Focus until %1</source>
        <translation>Fokus bis %1</translation>
    </message>
    <message>
        <source>Check-in until %1</source>
        <translation>Check-in bis %1</translation>
    </message>
    <message>
        <source>Next check-in %1</source>
        <translation>Nächster Check-in %1</translation>
    </message>
</context>
<context>
    <name>fermata::BreakThroughBox</name>
    <message>
        <source>What may break through</source>
        <translation>Was durchkommen darf</translation>
    </message>
    <message>
        <source>e.g. boss@example.com, Alice</source>
        <translation>z. B. chefin@example.com, Alice</translation>
    </message>
    <message>
        <source>e.g. outage, urgent</source>
        <translation>z. B. Ausfall, dringend</translation>
    </message>
    <message>
        <source>e.g. pagerduty</source>
        <translation>z. B. pagerduty</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source> per hour</source>
        <translation> pro Stunde</translation>
    </message>
    <message>
        <source>A flood of urgent notifications must not undo your check-ins: after this many in an hour, the rest wait.</source>
        <translation>Eine Flut dringender Benachrichtigungen soll Ihre Check-ins nicht aushebeln: Nach so vielen in einer Stunde warten die übrigen.</translation>
    </message>
    <message>
        <source>Do Not Disturb outside check-in windows too</source>
        <translation>„Nicht stören“ auch außerhalb der Check-in-Fenster</translation>
    </message>
    <message>
        <source>Without this, the desktop&apos;s Do Not Disturb is on only during focus.</source>
        <translation>Ohne diese Option ist „Nicht stören“ des Desktops nur während des Fokus aktiv.</translation>
    </message>
    <message>
        <source>&amp;VIP senders:</source>
        <translation>&amp;VIP-Absender:</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>&amp;Schlüsselwörter:</translation>
    </message>
    <message>
        <source>Critical from &amp;sources:</source>
        <translation>Kritisch aus &amp;Quellen:</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>Höchstens:</translation>
    </message>
    <message>
        <source>Add Source Rule</source>
        <translation>Quellenregel hinzufügen</translation>
    </message>
    <message>
        <source>Per source (name as the notifications give it):</source>
        <translation>Pro Quelle (Name wie in den Benachrichtigungen):</translation>
    </message>
    <message>
        <source>Separate several with commas.</source>
        <translation>Mehrere durch Kommas trennen.</translation>
    </message>
    <message>
        <source>Source, e.g. Mail</source>
        <translation>Quelle, z. B. Mail</translation>
    </message>
    <message>
        <source>Source name</source>
        <translation>Name der Quelle</translation>
    </message>
    <message>
        <source>Rule for this source</source>
        <translation>Regel für diese Quelle</translation>
    </message>
    <message>
        <source>Always hold until a check-in</source>
        <translation>Immer bis zum Check-in zurückhalten</translation>
    </message>
    <message>
        <source>Always let through</source>
        <translation>Immer durchlassen</translation>
    </message>
    <message>
        <source>Mute (keep for the record only)</source>
        <translation>Stummschalten (nur protokollieren)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this source rule</source>
        <translation>Diese Quellenregel entfernen</translation>
    </message>
    <message>
        <source>A source rule has no source name: type the source (e.g. Mail), or remove the rule.</source>
        <translation>Einer Quellenregel fehlt der Name der Quelle: Geben Sie die Quelle ein (z. B. Mail) oder entfernen Sie die Regel.</translation>
    </message>
    <message>
        <source>“%1” has two source rules: keep one.</source>
        <translation>„%1“ hat zwei Quellenregeln: Behalten Sie eine.</translation>
    </message>
</context>
<context>
    <name>fermata::CalDavAccountDialog</name>
    <message>
        <source>Add CalDAV Account</source>
        <translation>CalDAV-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Fermata reads the meetings in the calendars you choose and writes your focus blocks to one of them as busy time. Use an app password if your server offers them (Nextcloud, Fastmail, iCloud: Settings › Security); it is kept in the system keychain.</source>
        <translation>Fermata liest die Termine aus den gewählten Kalendern und trägt Ihre Fokusblöcke als belegte Zeit in einen davon ein. Verwenden Sie ein App-Passwort, wenn Ihr Server das anbietet (Nextcloud, Fastmail, iCloud: Einstellungen › Sicherheit); es wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>App &amp;password:</source>
        <translation>App-&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Add Account</source>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Give the server&apos;s address, your user name and the app password.</source>
        <translation>Geben Sie die Adresse des Servers, Ihren Benutzernamen und das App-Passwort an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address: paste the CalDAV link your provider gives, e.g. https://cloud.example.com/remote.php/dav.</source>
        <translation>„%1“ ist keine Serveradresse: Fügen Sie den CalDAV-Link Ihres Anbieters ein, z. B. https://cloud.example.com/remote.php/dav.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt …</translation>
    </message>
</context>
<context>
    <name>fermata::CalDavAccountsBox</name>
    <message>
        <source>CalDAV accounts</source>
        <translation>CalDAV-Konten</translation>
    </message>
    <message>
        <source>Meetings in the calendars you tick are read for planning; your focus blocks go to the one calendar you choose as busy time, so colleagues see it.</source>
        <translation>Termine aus den angehakten Kalendern fließen in die Planung ein; Ihre Fokusblöcke gehen als belegte Zeit in den einen gewählten Kalender, damit Kollegen sie sehen.</translation>
    </message>
    <message>
        <source>Account / calendar</source>
        <translation>Konto / Kalender</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Focus blocks</source>
        <translation>Fokusblöcke</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>CalDAV accounts and calendars</source>
        <translation>CalDAV-Konten und Kalender</translation>
    </message>
    <message>
        <source>Focus blocks &amp;appear as:</source>
        <translation>Fokusblöcke &amp;erscheinen als:</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source>Title colleagues see on focus blocks</source>
        <translation>Titel, den Kollegen auf Fokusblöcken sehen</translation>
    </message>
    <message>
        <source>Use each task&apos;s title</source>
        <translation>Titel der jeweiligen Aufgabe verwenden</translation>
    </message>
    <message>
        <source>Add CalDA&amp;V Account…</source>
        <translation>CalDA&amp;V-Konto hinzufügen …</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Remove Accou&amp;nt…</source>
        <translation>Ko&amp;nto entfernen …</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert …</translation>
    </message>
    <message>
        <source>Not synced — tried %1</source>
        <translation>Nicht synchronisiert – versucht %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synchronisiert %1</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>Gelesen %1</translation>
    </message>
    <message>
        <source>Write focus blocks to %1</source>
        <translation>Fokusblöcke nach %1 schreiben</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>No longer on the server</source>
        <translation>Nicht mehr auf dem Server</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>Nicht gelesen</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>Noch nicht gelesen</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Termin</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Termine</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No account yet: add one to read its meetings and share your focus time.</source>
        <translation>Noch kein Konto: Fügen Sie eines hinzu, um dessen Termine zu lesen und Ihre Fokuszeit zu teilen.</translation>
    </message>
    <message>
        <source>Remove CalDAV Account</source>
        <translation>CalDAV-Konto entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from Fermata? The focus blocks Fermata wrote there are deleted from the server; everything else in its calendars stays as it is.</source>
        <translation>%1 aus Fermata entfernen? Die Fokusblöcke, die Fermata dort eingetragen hat, werden vom Server gelöscht; alles andere in den Kalendern bleibt unverändert.</translation>
    </message>
</context>
<context>
    <name>fermata::CalendarsPage</name>
    <message>
        <source>C&amp;alendars</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <source>Subscribed calendars</source>
        <translation>Abonnierte Kalender</translation>
    </message>
    <message>
        <source>Paste a calendar&apos;s private ICS address (Google: Settings › your calendar › Secret address in iCal format; Outlook: Publish calendar › ICS). Fermata keeps a copy for when you are offline.</source>
        <translation>Fügen Sie die private ICS-Adresse eines Kalenders ein (Google: Einstellungen › Ihr Kalender › Privatadresse im iCal-Format; Outlook: Kalender veröffentlichen › ICS). Fermata behält eine Kopie für die Zeit, in der Sie offline sind.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Zuletzt aktualisiert</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ent&amp;fernen …</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Add Subscription</source>
        <translation>Abonnement &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>Ad&amp;resse:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Refresh &amp;every:</source>
        <translation>Aktualisieren a&amp;lle:</translation>
    </message>
    <message>
        <source>Publish your focus time</source>
        <translation>Fokuszeit veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Keep an exported calendar file up to date</source>
        <translation>Exportierte Kalender&amp;datei aktuell halten</translation>
    </message>
    <message>
        <source>Focus blocks and check-in windows, rewritten whenever they change. Put it in a synced folder or on a web server so colleagues can subscribe.</source>
        <translation>Fokusblöcke und Check-in-Fenster, neu geschrieben bei jeder Änderung. Legen Sie die Datei in einen synchronisierten Ordner oder auf einen Webserver, damit Kollegen sie abonnieren können.</translation>
    </message>
    <message>
        <source>Exported file</source>
        <translation>Exportierte Datei</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen …</translation>
    </message>
    <message>
        <source>Keep Calendar File Up to Date</source>
        <translation>Kalenderdatei aktuell halten</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>Choose the file to keep up to date, or untick &quot;Keep an exported calendar file up to date&quot;.</source>
        <translation>Wählen Sie die Datei, die aktuell gehalten werden soll, oder entfernen Sie den Haken bei „Exportierte Kalenderdatei aktuell halten“.</translation>
    </message>
    <message>
        <source>Give the exported file&apos;s full path, e.g. %1.</source>
        <translation>Geben Sie den vollständigen Pfad der exportierten Datei an, z. B. %1.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: choose another place for the exported file.</source>
        <translation>Der Ordner %1 existiert nicht: Wählen Sie einen anderen Ort für die exportierte Datei.</translation>
    </message>
    <message>
        <source>%1: %2 (tried %3).</source>
        <translation>%1: %2 (versucht %3).</translation>
    </message>
    <message>
        <source>Not refreshed — showing the copy from %1</source>
        <translation>Nicht aktualisiert – Kopie vom %1 wird angezeigt</translation>
    </message>
    <message>
        <source>Not refreshed — no copy yet</source>
        <translation>Nicht aktualisiert – noch keine Kopie</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Termin</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Termine</translation>
    </message>
    <message>
        <source>Refreshed %1 · %2</source>
        <translation>Aktualisiert %1 · %2</translation>
    </message>
    <message>
        <source>Paste the calendar&apos;s address first.</source>
        <translation>Fügen Sie zuerst die Adresse des Kalenders ein.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>There is already a calendar named &quot;%1&quot;: choose another name.</source>
        <translation>Es gibt bereits einen Kalender namens „%1“: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Remove Calendar</source>
        <translation>Kalender entfernen</translation>
    </message>
    <message>
        <source>Remove the subscription &quot;%1&quot; and its events from Fermata? The calendar itself is not touched.</source>
        <translation>Das Abonnement „%1“ und seine Termine aus Fermata entfernen? Der Kalender selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>&amp;Refresh All</source>
        <translation>Alle akt&amp;ualisieren</translation>
    </message>
</context>
<context>
    <name>fermata::CheckInPage</name>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep Inbox &amp;history for:</source>
        <translation>Posteingangs&amp;verlauf aufbewahren:</translation>
    </message>
    <message>
        <source>Check-in windows</source>
        <translation>Check-in-Fenster</translation>
    </message>
    <message>
        <source>Notifications wait until one of these; each opens the Inbox and brings one summary of what was held.</source>
        <translation>Benachrichtigungen warten bis zu einem dieser Fenster; jedes öffnet den Posteingang mit einer Zusammenfassung dessen, was zurückgehalten wurde.</translation>
    </message>
    <message>
        <source>&amp;Add Window</source>
        <translation>Fenster &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Check-in</source>
        <translation>&amp;Check-in</translation>
    </message>
</context>
<context>
    <name>fermata::CheckInWindowRow</name>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Length in minutes</source>
        <translation>Dauer in Minuten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this check-in window</source>
        <translation>Dieses Check-in-Fenster entfernen</translation>
    </message>
    <message>
        <source>Check-in window %1 has no days: pick at least one day, or remove it.</source>
        <translation>Check-in-Fenster %1 hat keine Tage: Wählen Sie mindestens einen Tag oder entfernen Sie das Fenster.</translation>
    </message>
    <message>
        <source>Check-in window %1 is 0 minutes long: give it at least 1 minute.</source>
        <translation>Check-in-Fenster %1 dauert 0 Minuten: Geben Sie ihm mindestens 1 Minute.</translation>
    </message>
</context>
<context>
    <name>fermata::CloseToTray</name>
    <message>
        <source>Fermata is still running</source>
        <translation>Fermata läuft weiter</translation>
    </message>
    <message>
        <source>It keeps holding notifications until your next check-in. Click the tray icon to open the window. To quit, choose Quit from the tray icon&apos;s menu, or press Ctrl+Q in the window.</source>
        <translation>Benachrichtigungen werden weiter bis zu Ihrem nächsten Check-in zurückgehalten. Klicken Sie auf das Symbol im Infobereich, um das Fenster zu öffnen. Zum Beenden wählen Sie „Beenden“ im Menü des Symbols oder drücken Sie Strg+Q im Fenster.</translation>
    </message>
</context>
<context>
    <name>fermata::CommitmentReplanOffer</name>
    <message>
        <source>%1 — %2 Re-plan to follow the change.</source>
        <translation>%1 – %2 Planen Sie neu, um der Änderung zu folgen.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes to work you wait for arrived. Re-plan to follow them.</source>
        <translation>
            <numerusform>%n Änderung an Arbeit, auf die Sie warten, ist eingetroffen. Planen Sie neu, um ihr zu folgen.</numerusform>
            <numerusform>%n Änderungen an Arbeit, auf die Sie warten, sind eingetroffen. Planen Sie neu, um ihnen zu folgen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fermata::CommitmentText</name>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>planned to finish %1</source>
        <translation>fertig geplant %1</translation>
    </message>
    <message>
        <source>not planned yet, due %1</source>
        <translation>noch nicht geplant, fällig %1</translation>
    </message>
    <message>
        <source>not planned yet</source>
        <translation>noch nicht geplant</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 – %3</translation>
    </message>
    <message>
        <source>after %1’s ‘%2’ (%3)</source>
        <translation>nach „%2“ von %1 (%3)</translation>
    </message>
</context>
<context>
    <name>fermata::CommitmentsList</name>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Team commitments</source>
        <translation>Zusagen im Team</translation>
    </message>
    <message>
        <source>Nobody on your team shares a task yet. Share one from its details (Shared with my team) or with &apos;fermata tasks share ID&apos;.</source>
        <translation>Noch teilt niemand im Team eine Aufgabe. Teilen Sie eine in ihren Details („Mit meinem Team geteilt“) oder mit „fermata tasks share ID“.</translation>
    </message>
</context>
<context>
    <name>fermata::CommitmentsModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>The day their planned work ends, in their zone (%1)</source>
        <translation>Der Tag, an dem die geplante Arbeit endet, in deren Zeitzone (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>When it is due, in your time</source>
        <translation>Fälligkeit, in Ihrer Zeit</translation>
    </message>
    <message>
        <source>The day its planned work ends, in its owner&apos;s zone</source>
        <translation>Der Tag, an dem die geplante Arbeit endet, in der Zeitzone des Besitzers</translation>
    </message>
    <message>
        <source>Tasks that wait for it</source>
        <translation>Aufgaben, die darauf warten</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Finishes</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>Finishing %1: %2</source>
        <translation>Fertig %1: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a weekday, then a time</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>fermata::DayTimeline</name>
    <message>
        <source>Day timeline</source>
        <translation>Tagesverlauf</translation>
    </message>
    <message>
        <source>All day · busy: no focus blocks this day</source>
        <translation>Ganztägig · belegt: keine Fokusblöcke an diesem Tag</translation>
    </message>
    <message>
        <source>All day · free: does not block planning</source>
        <translation>Ganztägig · frei: blockiert die Planung nicht</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Kalender: %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1: %2 meetings, %3 focus blocks</source>
        <translation>%1: %2 Termine, %3 Fokusblöcke</translation>
    </message>
    <message>
        <source>all day, busy: %1</source>
        <translation>ganztägig, belegt: %1</translation>
    </message>
    <message>
        <source>all day, free: %1</source>
        <translation>ganztägig, frei: %1</translation>
    </message>
    <message>
        <source>Overloaded: work due this day does not fit</source>
        <translation>Überlastet: Die an diesem Tag fällige Arbeit passt nicht</translation>
    </message>
    <message>
        <source>Check-in window %1</source>
        <translation>Check-in-Fenster %1</translation>
    </message>
    <message>
        <source>Focus block</source>
        <translation>Fokusblock</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Pinned focus block</source>
        <translation>Angehefteter Fokusblock</translation>
    </message>
    <message>
        <source>free: does not block planning</source>
        <translation>frei: blockiert die Planung nicht</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>ganztägig</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (free)</source>
        <translation>%1 (frei)</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
</context>
<context>
    <name>fermata::DeclineOfferCommand</name>
    <message>
        <source>Decline %1</source>
        <translation>%1 ablehnen</translation>
    </message>
</context>
<context>
    <name>fermata::DurationText</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>fermata::EditMessageDialog</name>
    <message>
        <source>Edit Message to %1</source>
        <translation>Nachricht an %1 bearbeiten</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
</context>
<context>
    <name>fermata::ExportCalendarDialog</name>
    <message>
        <source>Export Calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>Writes your focus blocks (as busy time) and check-in windows to an iCalendar file that Google Calendar, Outlook or Apple Calendar can import.</source>
        <translation>Schreibt Ihre Fokusblöcke (als belegte Zeit) und Check-in-Fenster in eine iCalendar-Datei, die Google Kalender, Outlook oder Apple Kalender importieren können.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen …</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>The range ends before it starts: choose a &quot;To&quot; date on or after %1.</source>
        <translation>Der Zeitraum endet vor seinem Beginn: Wählen Sie als „Bis“ den %1 oder ein späteres Datum.</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Wählen Sie, wo die Datei gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Exported focus blocks and check-in windows from %1 to %2 to %3.</source>
        <translation>Fokusblöcke und Check-in-Fenster vom %1 bis %2 nach %3 exportiert.</translation>
    </message>
</context>
<context>
    <name>fermata::FocusController</name>
    <message>
        <source>&amp;Focus for %1 min…</source>
        <translation>&amp;Fokus für %1 min …</translation>
    </message>
    <message>
        <source>S&amp;top Focus</source>
        <translation>Fokus &amp;beenden</translation>
    </message>
    <message>
        <source>Hold every notification and focus for a while</source>
        <translation>Alle Benachrichtigungen zurückhalten und eine Weile fokussieren</translation>
    </message>
    <message>
        <source>End the focus session now</source>
        <translation>Die Fokussitzung jetzt beenden</translation>
    </message>
    <message>
        <source>Focus until %1: notifications wait until then.</source>
        <translation>Fokus bis %1: Benachrichtigungen warten bis dahin.</translation>
    </message>
    <message>
        <source>Focus on “%1” until %2: notifications wait until then.</source>
        <translation>Fokus auf „%1“ bis %2: Benachrichtigungen warten bis dahin.</translation>
    </message>
    <message>
        <source>Focus could not start: %1</source>
        <translation>Fokus konnte nicht beginnen: %1</translation>
    </message>
    <message>
        <source>Focus could not be changed: %1</source>
        <translation>Fokus konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Focus · time is up</source>
        <translation>Fokus · Zeit ist um</translation>
    </message>
    <message>
        <source>Focus · under a minute left</source>
        <translation>Fokus · weniger als eine Minute übrig</translation>
    </message>
    <message>
        <source>Focus · %1 min left</source>
        <translation>Fokus · noch %1 min</translation>
    </message>
</context>
<context>
    <name>fermata::FocusEndPrompt</name>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>&amp;%1 More Minutes</source>
        <translation>&amp;%1 Minuten mehr</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Focus time is up</source>
        <translation>Fokuszeit ist um</translation>
    </message>
    <message>
        <source>The work is done: end the session</source>
        <translation>Die Arbeit ist erledigt: Sitzung beenden</translation>
    </message>
    <message>
        <source>Keep focusing for %1 more minutes; notifications keep waiting</source>
        <translation>Noch %1 Minuten weiter fokussieren; Benachrichtigungen warten weiter</translation>
    </message>
    <message>
        <source>End the session without marking the work done</source>
        <translation>Die Sitzung beenden, ohne die Arbeit als erledigt zu markieren</translation>
    </message>
    <message>
        <source>Your focus session has reached its planned end.</source>
        <translation>Ihre Fokussitzung hat ihr geplantes Ende erreicht.</translation>
    </message>
    <message>
        <source>Your focus session on “%1” has reached its planned end.</source>
        <translation>Ihre Fokussitzung zu „%1“ hat ihr geplantes Ende erreicht.</translation>
    </message>
    <message>
        <source>1 notification is waiting for your next check-in.</source>
        <translation>1 Benachrichtigung wartet auf Ihren nächsten Check-in.</translation>
    </message>
    <message numerus="yes">
        <source>%n notifications are waiting for your next check-in.</source>
        <translation>
            <numerusform>%n Benachrichtigung wartet auf Ihren nächsten Check-in.</numerusform>
            <numerusform>%n Benachrichtigungen warten auf Ihren nächsten Check-in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fermata::FocusStartDialog</name>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>No particular task</source>
        <translation>Keine bestimmte Aufgabe</translation>
    </message>
    <message>
        <source>Notifications wait and the desktop&apos;s Do Not Disturb is on until the time is up.</source>
        <translation>Benachrichtigungen warten, und „Nicht stören“ des Desktops ist aktiv, bis die Zeit um ist.</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>&amp;Aufgabe:</translation>
    </message>
    <message>
        <source>&amp;Start Focus</source>
        <translation>Fokus &amp;starten</translation>
    </message>
</context>
<context>
    <name>fermata::HttpIntakeBox</name>
    <message>
        <source>Other apps</source>
        <translation>Andere Apps</translation>
    </message>
    <message>
        <source>Accept notifications over &amp;HTTP from programs on this computer</source>
        <translation>Benachrichtigungen über &amp;HTTP von Programmen auf diesem Computer annehmen</translation>
    </message>
    <message>
        <source>POST /v1/notifications on 127.0.0.1 only, with the token below</source>
        <translation>POST /v1/notifications nur auf 127.0.0.1, mit dem Token unten</translation>
    </message>
    <message>
        <source>HTTP port</source>
        <translation>HTTP-Port</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the token to the clipboard</source>
        <translation>Token in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Do Not Disturb:</source>
        <translation>Nicht stören:</translation>
    </message>
    <message>
        <source>None found — Fermata holds its own sources only</source>
        <translation>Nicht gefunden – Fermata hält nur seine eigenen Quellen zurück</translation>
    </message>
    <message>
        <source>%1 (switched on during focus, restored afterwards)</source>
        <translation>%1 (während des Fokus eingeschaltet, danach wiederhergestellt)</translation>
    </message>
    <message>
        <source>Off: nothing listens for HTTP notifications.</source>
        <translation>Aus: Niemand nimmt HTTP-Benachrichtigungen an.</translation>
    </message>
    <message>
        <source>A token is made when you press OK; open Preferences again to copy it.</source>
        <translation>Ein Token wird erstellt, wenn Sie auf OK klicken; öffnen Sie die Einstellungen erneut, um es zu kopieren.</translation>
    </message>
    <message>
        <source>Send: curl -H &quot;Authorization: Bearer TOKEN&quot; -d &apos;{&quot;title&quot;:&quot;Deploy done&quot;}&apos; http://127.0.0.1:%1/v1/notifications</source>
        <translation>Senden: curl -H &quot;Authorization: Bearer TOKEN&quot; -d &apos;{&quot;title&quot;:&quot;Deploy fertig&quot;}&apos; http://127.0.0.1:%1/v1/notifications</translation>
    </message>
</context>
<context>
    <name>fermata::ImportController</name>
    <message>
        <source>&amp;Import Calendar…</source>
        <translation>Kalender &amp;importieren …</translation>
    </message>
    <message>
        <source>Imports meetings from an iCalendar (.ics) file</source>
        <translation>Importiert Termine aus einer iCalendar-Datei (.ics)</translation>
    </message>
    <message>
        <source>Import Calendar</source>
        <translation>Kalender importieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics *.ical *.ifb);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics *.ical *.ifb);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert …</translation>
    </message>
    <message>
        <source>Calendar &quot;%1&quot; could not be brought up to date: %2 Import the file again with File &gt; Import Calendar…</source>
        <translation>Kalender „%1“ konnte nicht aktualisiert werden: %2 Importieren Sie die Datei erneut mit Datei &gt; Kalender importieren …</translation>
    </message>
    <message>
        <source>Could not import %1: %2 Nothing was changed.</source>
        <translation>%1 konnte nicht importiert werden: %2 Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Import of %1 cancelled. Nothing was changed.</source>
        <translation>Import von %1 abgebrochen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Imported 1 event from %1</source>
        <translation>1 Termin aus %1 importiert</translation>
    </message>
    <message>
        <source>Imported %1 events from %2</source>
        <translation>%1 Termine aus %2 importiert</translation>
    </message>
    <message>
        <source>, skipped %1</source>
        <translation>, %1 übersprungen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (und %1 weitere)</translation>
    </message>
    <message>
        <source>%1 holds no events: nothing was imported.</source>
        <translation>%1 enthält keine Termine: Es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>fermata::InboxFoldedPanel</name>
    <message>
        <source>&amp;Peek early…</source>
        <translation>&amp;Vorab ansehen …</translation>
    </message>
    <message>
        <source>Show what is held before your next check-in. Each peek is counted.</source>
        <translation>Zeigt das Zurückgehaltene vor Ihrem nächsten Check-in. Jeder vorzeitige Blick wird gezählt.</translation>
    </message>
    <message>
        <source>Held items stay folded until your next check-in window, so they cannot pull you away from what you are doing.</source>
        <translation>Zurückgehaltenes bleibt bis zu Ihrem nächsten Check-in-Fenster eingeklappt, damit es Sie nicht von Ihrer Arbeit ablenkt.</translation>
    </message>
    <message numerus="yes">
        <source>%n held from %1</source>
        <translation>
            <numerusform>%n zurückgehalten von %1</numerusform>
            <numerusform>%n zurückgehalten von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 Quelle</translation>
    </message>
    <message numerus="yes">
        <source>%n sources</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing held</source>
        <translation>Nichts zurückgehalten</translation>
    </message>
    <message>
        <source>No check-in window set</source>
        <translation>Kein Check-in-Fenster festgelegt</translation>
    </message>
    <message>
        <source>Next check-in %1</source>
        <translation>Nächster Check-in %1</translation>
    </message>
    <message>
        <source>%1 · no check-in window set</source>
        <translation>%1 · kein Check-in-Fenster festgelegt</translation>
    </message>
    <message>
        <source>%1 · next check-in %2</source>
        <translation>%1 · nächster Check-in %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>fermata::InboxModel</name>
    <message>
        <source>The Inbox could not be read: %1</source>
        <translation>Der Posteingang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>1 item from %1</source>
        <translation>1 Eintrag von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n items from %1</source>
        <translation>
            <numerusform>%n Eintrag von %1</numerusform>
            <numerusform>%n Einträge von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>1 item from %1 in %2</source>
        <translation>1 Eintrag von %1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n items from %1 in %2</source>
        <translation>
            <numerusform>%n Eintrag von %1 in %2</numerusform>
            <numerusform>%n Einträge von %1 in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent as critical, but held: “%1” is not in your critical sources (Preferences → Check-in → What may break through).</source>
        <translation>Als kritisch gesendet, aber zurückgehalten: „%1“ gehört nicht zu Ihren kritischen Quellen (Einstellungen → Check-in → Was durchkommen darf).</translation>
    </message>
    <message>
        <source>Sent as critical, but held: this hour&apos;s limit of interruptions was reached.</source>
        <translation>Als kritisch gesendet, aber zurückgehalten: Die Grenze an Unterbrechungen für diese Stunde ist erreicht.</translation>
    </message>
    <message>
        <source>Sent as critical, but held: “%1” is set to always wait for a check-in.</source>
        <translation>Als kritisch gesendet, aber zurückgehalten: „%1“ wartet laut Einstellung immer auf einen Check-in.</translation>
    </message>
    <message>
        <source>Held · not a critical source</source>
        <translation>Zurückgehalten · keine kritische Quelle</translation>
    </message>
    <message>
        <source>Held · hourly limit reached</source>
        <translation>Zurückgehalten · Stundengrenze erreicht</translation>
    </message>
    <message>
        <source>Held · source always waits</source>
        <translation>Zurückgehalten · Quelle wartet immer</translation>
    </message>
    <message>
        <source>Urgent: %1</source>
        <translation>Dringend: %1</translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation>Kritisch: %1</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <translation>%1 (×%2)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Gestern %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Shown at once: it arrived during a check-in window.</source>
        <translation>Sofort angezeigt: Es kam während eines Check-in-Fensters an.</translation>
    </message>
    <message>
        <source>Held: it arrived outside your check-in windows.</source>
        <translation>Zurückgehalten: Es kam außerhalb Ihrer Check-in-Fenster an.</translation>
    </message>
    <message>
        <source>Held: it arrived during focus time.</source>
        <translation>Zurückgehalten: Es kam während der Fokuszeit an.</translation>
    </message>
    <message>
        <source>Held: this source is set to always wait for a check-in.</source>
        <translation>Zurückgehalten: Diese Quelle wartet laut Einstellung immer auf einen Check-in.</translation>
    </message>
    <message>
        <source>Shown at once: this source is always allowed.</source>
        <translation>Sofort angezeigt: Diese Quelle ist immer erlaubt.</translation>
    </message>
    <message>
        <source>Muted: this source is muted.</source>
        <translation>Stumm: Diese Quelle ist stummgeschaltet.</translation>
    </message>
    <message>
        <source>Broke through: your teammate sent it as urgent.</source>
        <translation>Durchgekommen: Ihr Teammitglied hat es als dringend gesendet.</translation>
    </message>
    <message>
        <source>Broke through: critical, from a source you chose.</source>
        <translation>Durchgekommen: kritisch, aus einer von Ihnen gewählten Quelle.</translation>
    </message>
    <message>
        <source>Broke through: from a VIP sender.</source>
        <translation>Durchgekommen: von einem VIP-Absender.</translation>
    </message>
    <message>
        <source>Broke through: %1 is a VIP sender.</source>
        <translation>Durchgekommen: %1 ist ein VIP-Absender.</translation>
    </message>
    <message>
        <source>Broke through: it matched a keyword.</source>
        <translation>Durchgekommen: Es enthielt ein Schlüsselwort.</translation>
    </message>
    <message>
        <source>Broke through: it matched the keyword “%1”.</source>
        <translation>Durchgekommen: Es enthielt das Schlüsselwort „%1“.</translation>
    </message>
    <message>
        <source>Held: sent as urgent, but this hour&apos;s limit of interruptions was reached.</source>
        <translation>Zurückgehalten: als dringend gesendet, aber die Grenze an Unterbrechungen für diese Stunde ist erreicht.</translation>
    </message>
    <message>
        <source>Held: it could have broken through, but this hour&apos;s limit was reached.</source>
        <translation>Zurückgehalten: Es hätte durchkommen können, aber die Grenze für diese Stunde ist erreicht.</translation>
    </message>
    <message>
        <source>From your team: released for your check-in window.</source>
        <translation>Aus Ihrem Team: für Ihr Check-in-Fenster freigegeben.</translation>
    </message>
    <message>
        <source>From your team: work you wait for changed; held for your check-in window.</source>
        <translation>Aus Ihrem Team: Arbeit, auf die Sie warten, hat sich geändert; bis zu Ihrem Check-in-Fenster zurückgehalten.</translation>
    </message>
</context>
<context>
    <name>fermata::InboxReadingPane</name>
    <message>
        <source>Reading pane</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Why it was held or shown</source>
        <translation>Warum zurückgehalten oder angezeigt</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Urgent: %1</source>
        <translation>Dringend: %1</translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation>Kritisch: %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>From %1 via %2</source>
        <translation>Von %1 über %2</translation>
    </message>
    <message>
        <source>%1 · the newest of %2 with this title</source>
        <translation>%1 · der neueste von %2 mit diesem Titel</translation>
    </message>
    <message>
        <source>Received %1 · still held</source>
        <translation>Empfangen %1 · noch zurückgehalten</translation>
    </message>
    <message>
        <source>Received %1 · shown %2</source>
        <translation>Empfangen %1 · angezeigt %2</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>Empfangen %1</translation>
    </message>
    <message>
        <source>%1 · done</source>
        <translation>%1 · erledigt</translation>
    </message>
    <message>
        <source>No text beyond the title.</source>
        <translation>Kein Text außer dem Titel.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>1 item from %1.</source>
        <translation>1 Eintrag von %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n items from %1.</source>
        <translation>
            <numerusform>%n Eintrag von %1.</numerusform>
            <numerusform>%n Einträge von %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one to read it; Done and Archive act on all of them.</source>
        <translation>Wählen Sie einen zum Lesen aus; „Erledigt“ und „Archivieren“ wirken auf alle.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows selected.</source>
        <translation>
            <numerusform>%n Zeile ausgewählt.</numerusform>
            <numerusform>%n Zeilen ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an item to read it.
↑ ↓ move · D done · Delete archive · T make a task</source>
        <translation>Wählen Sie einen Eintrag zum Lesen aus.
↑ ↓ bewegen · D erledigt · Entf archivieren · T Aufgabe erstellen</translation>
    </message>
</context>
<context>
    <name>fermata::InboxTriage</name>
    <message>
        <source>From %1 (Inbox)</source>
        <translation>Von %1 (Posteingang)</translation>
    </message>
    <message>
        <source>From %1 via %2 (Inbox)</source>
        <translation>Von %1 über %2 (Posteingang)</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
</context>
<context>
    <name>fermata::InboxView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing held for you</source>
        <translation>Nichts für Sie zurückgehalten</translation>
    </message>
    <message>
        <source>Notifications that arrive outside your check-in windows wait here, grouped by sender, until your next check-in. They come from other apps on this desktop, from scripts with
fermata notify --source build --title &quot;Tests passed&quot;
and, once you turn it on in Preferences → Check-in, over HTTP on this computer.</source>
        <translation>Benachrichtigungen, die außerhalb Ihrer Check-in-Fenster ankommen, warten hier nach Absender gruppiert bis zu Ihrem nächsten Check-in. Sie kommen von anderen Apps auf diesem Desktop, von Skripten mit
fermata notify --source build --title &quot;Tests bestanden&quot;
und, sobald Sie es unter Einstellungen → Check-in einschalten, über HTTP auf diesem Computer.</translation>
    </message>
    <message>
        <source>Inbox items</source>
        <translation>Einträge im Posteingang</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Antworten …</translation>
    </message>
    <message>
        <source>Make &amp;Task</source>
        <translation>Auf&amp;gabe erstellen</translation>
    </message>
    <message>
        <source>The Inbox could not be read: %1</source>
        <translation>Der Posteingang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nothing held for you · next check-in %1</source>
        <translation>Nichts für Sie zurückgehalten · nächster Check-in %1</translation>
    </message>
    <message>
        <source>Check-in open until %1</source>
        <translation>Check-in offen bis %1</translation>
    </message>
    <message>
        <source>Peeking early · folds again after your next check-in (%1)</source>
        <translation>Vorab geöffnet · klappt nach Ihrem nächsten Check-in (%1) wieder ein</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n held</source>
        <translation>
            <numerusform>%1 · %n zurückgehalten</numerusform>
            <numerusform>%1 · %n zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the Inbox early: %1</source>
        <translation>Der Posteingang konnte nicht vorab geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Peek early?</source>
        <translation>Vorab ansehen?</translation>
    </message>
    <message>
        <source>Open the Inbox before a check-in window?</source>
        <translation>Den Posteingang vor einem Check-in-Fenster öffnen?</translation>
    </message>
    <message>
        <source>Your next check-in: %1. Open the Inbox now?</source>
        <translation>Ihr nächster Check-in: %1. Posteingang jetzt öffnen?</translation>
    </message>
    <message numerus="yes">
        <source>You have peeked early %n times this week.</source>
        <translation>
            <numerusform>Sie haben diese Woche %n-mal vorab hineingesehen.</numerusform>
            <numerusform>Sie haben diese Woche %n-mal vorab hineingesehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>You have not peeked early this week.</source>
        <translation>Sie haben diese Woche noch nicht vorab hineingesehen.</translation>
    </message>
    <message>
        <source>You have peeked early once this week.</source>
        <translation>Sie haben diese Woche einmal vorab hineingesehen.</translation>
    </message>
    <message>
        <source>This peek will be counted.</source>
        <translation>Dieser Blick wird gezählt.</translation>
    </message>
    <message>
        <source>&amp;Peek Now</source>
        <translation>&amp;Jetzt ansehen</translation>
    </message>
    <message>
        <source>&amp;Wait for Check-in</source>
        <translation>Auf Check-in &amp;warten</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n messages from %1?</source>
        <translation>
            <numerusform>%n Nachricht von %1 archivieren?</numerusform>
            <numerusform>%n Nachrichten von %1 archivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n messages from %1 as done?</source>
        <translation>
            <numerusform>%n Nachricht von %1 als erledigt markieren?</numerusform>
            <numerusform>%n Nachrichten von %1 als erledigt markieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archive %n messages?</source>
        <translation>
            <numerusform>%n Nachricht archivieren?</numerusform>
            <numerusform>%n Nachrichten archivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n messages as done?</source>
        <translation>
            <numerusform>%n Nachricht als erledigt markieren?</numerusform>
            <numerusform>%n Nachrichten als erledigt markieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive Group?</source>
        <translation>Gruppe archivieren?</translation>
    </message>
    <message>
        <source>Mark Group Done?</source>
        <translation>Gruppe als erledigt markieren?</translation>
    </message>
    <message>
        <source>A group header is selected: this acts on every item in it.</source>
        <translation>Eine Gruppenüberschrift ist ausgewählt: Dies wirkt auf jeden Eintrag darin.</translation>
    </message>
    <message>
        <source>&amp;Archive All</source>
        <translation>&amp;Alle archivieren</translation>
    </message>
    <message>
        <source>Mark All &amp;Done</source>
        <translation>Alle als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>Could not update the Inbox: %1</source>
        <translation>Der Posteingang konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Could not make a task of “%1”: %2</source>
        <translation>Aus „%1“ konnte keine Aufgabe erstellt werden: %2</translation>
    </message>
    <message>
        <source>Task “%1” added to Tasks.</source>
        <translation>Aufgabe „%1“ zu den Aufgaben hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>fermata::InsightsCharts</name>
    <message>
        <source>week starting</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Deep work</source>
        <translation>Konzentrierte Arbeit</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Gearbeitet</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Focus blocks</source>
        <translation>Fokusblöcke</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Longest stretch in the week</source>
        <translation>Längste Strecke der Woche</translation>
    </message>
    <message>
        <source>Longest stretch</source>
        <translation>Längste Strecke</translation>
    </message>
    <message>
        <source>Still held</source>
        <translation>Noch zurückgehalten</translation>
    </message>
    <message>
        <source>Released in a digest</source>
        <translation>In einer Zusammenfassung freigegeben</translation>
    </message>
    <message>
        <source>Let through</source>
        <translation>Durchgelassen</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Geschätzt</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>(no tag)</source>
        <translation>(ohne Schlagwort)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>fermata::InsightsRangePicker</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>Insights range</source>
        <translation>Zeitraum der Auswertung</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert …</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
</context>
<context>
    <name>fermata::InsightsView</name>
    <message>
        <source>%1 let through: %2</source>
        <translation>%1 durchgelassen: %2</translation>
    </message>
    <message>
        <source>No focus time recorded yet</source>
        <translation>Noch keine Fokuszeit erfasst</translation>
    </message>
    <message>
        <source>Once you work through planned focus blocks, your deep-work hours, longest unbroken stretch and held notifications show up here.</source>
        <translation>Sobald Sie geplante Fokusblöcke abarbeiten, erscheinen hier Ihre Stunden konzentrierter Arbeit, die längste ununterbrochene Strecke und zurückgehaltene Benachrichtigungen.</translation>
    </message>
    <message>
        <source>Deep work</source>
        <translation>Konzentrierte Arbeit</translation>
    </message>
    <message>
        <source>Planned versus done</source>
        <translation>Geplant und erledigt</translation>
    </message>
    <message>
        <source>Longest unbroken stretch</source>
        <translation>Längste ununterbrochene Strecke</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>Unterbrechungen</translation>
    </message>
    <message>
        <source>Meetings versus focus</source>
        <translation>Termine und Fokus</translation>
    </message>
    <message>
        <source>Estimate accuracy</source>
        <translation>Genauigkeit der Schätzungen</translation>
    </message>
    <message>
        <source>Could not read the figures: %1</source>
        <translation>Die Zahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <source>Export Insights</source>
        <translation>Auswertung exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose a folder you can write to.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Check there is room on the disk.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Prüfen Sie, ob auf dem Datenträger Platz ist.</translation>
    </message>
</context>
<context>
    <name>fermata::MainWindow</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <source>Fermata</source>
        <translation>Fermata</translation>
    </message>
    <message>
        <source>Plans the visible range</source>
        <translation>Plant den sichtbaren Zeitraum</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Task</source>
        <translation>&amp;Neue Aufgabe</translation>
    </message>
    <message>
        <source>&amp;Export Calendar…</source>
        <translation>Kalender e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export Insigh&amp;ts…</source>
        <translation>Aus&amp;wertung exportieren …</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>F&amp;ocus</source>
        <translation>F&amp;okus</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Fermata</source>
        <translation>&amp;Über Fermata</translation>
    </message>
    <message numerus="yes">
        <source>%n held</source>
        <translation>
            <numerusform>%n zurückgehalten</numerusform>
            <numerusform>%n zurückgehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-plan</source>
        <translation>Neu planen</translation>
    </message>
    <message>
        <source>About Fermata</source>
        <translation>Über Fermata</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Fermata %1&lt;/h3&gt;&lt;p&gt;Plans focus time around your meetings and holds interruptions until the moment you choose.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Fermata %1&lt;/h3&gt;&lt;p&gt;Plant Fokuszeit um Ihre Termine herum und hält Unterbrechungen bis zu dem Moment zurück, den Sie wählen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>fermata::MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>fermata::MessageComposer</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send &amp;now (urgent)…</source>
        <translation>Sofort se&amp;nden (dringend) …</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>What is it about?</source>
        <translation>Worum geht es?</translation>
    </message>
    <message>
        <source>About a commitment</source>
        <translation>Zu einer Zusage</translation>
    </message>
    <message>
        <source>Refer to a task someone on your team shared: the message starts by saying which</source>
        <translation>Auf eine vom Team geteilte Aufgabe verweisen: Die Nachricht nennt sie gleich am Anfang</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write it once, calmly: they read it at their next check-in.</source>
        <translation>Schreiben Sie einmal und in Ruhe: Gelesen wird beim nächsten Check-in.</translation>
    </message>
    <message>
        <source>Holds the message until their next check-in window (Ctrl+Return)</source>
        <translation>Hält die Nachricht bis zum nächsten Check-in-Fenster des Empfängers zurück (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Delivers at once and interrupts them; counted</source>
        <translation>Stellt sofort zu und unterbricht den Empfänger; wird gezählt</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>Ab&amp;out:</source>
        <translation>Z&amp;u:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Re: %1</source>
        <translation>Re: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>planned to finish %1</source>
        <translation>fertig geplant %1</translation>
    </message>
    <message>
        <source>not planned yet</source>
        <translation>noch nicht geplant</translation>
    </message>
    <message>
        <source>About %1&apos;s &apos;%2&apos; (%3)</source>
        <translation>Zu „%2“ von %1 (%3)</translation>
    </message>
    <message>
        <source>Nothing in particular</source>
        <translation>Nichts Bestimmtes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Working out when they will read it…</source>
        <translation>Wird ermittelt, wann es gelesen wird …</translation>
    </message>
    <message>
        <source>%1 (from their last known windows)</source>
        <translation>%1 (nach den zuletzt bekannten Fenstern)</translation>
    </message>
    <message numerus="yes">
        <source>%n urgent this week</source>
        <translation>
            <numerusform>%n dringende diese Woche</numerusform>
            <numerusform>%n dringende diese Woche</numerusform>
        </translation>
    </message>
    <message>
        <source>Send now?</source>
        <translation>Sofort senden?</translation>
    </message>
    <message>
        <source>Send this to %1 now, outside their check-in window?</source>
        <translation>Dies jetzt an %1 senden, außerhalb des Check-in-Fensters?</translation>
    </message>
    <message>
        <source>It interrupts them at once. Urgent messages are counted, so you can see how often you break through.</source>
        <translation>Das unterbricht sofort. Dringende Nachrichten werden gezählt, damit Sie sehen, wie oft Sie durchbrechen.</translation>
    </message>
    <message>
        <source>Interrupt and Send</source>
        <translation>Unterbrechen und senden</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Sent to %1 · %2</source>
        <translation>Gesendet an %1 · %2</translation>
    </message>
    <message>
        <source>Sent to %1 · %2 · %3</source>
        <translation>Gesendet an %1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>fermata::NavigationList</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>fermata::OpenTaskDelegate</name>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
</context>
<context>
    <name>fermata::OutboxModel</name>
    <message>
        <source>Waiting to sync</source>
        <translation>Wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>Sent as urgent</source>
        <translation>Als dringend gesendet</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>Gelesen %1</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Zugestellt %1</translation>
    </message>
    <message>
        <source>Released %1 — they get it when their Fermata next syncs</source>
        <translation>Freigegeben %1 – kommt an, sobald das Fermata des Empfängers das nächste Mal synchronisiert</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>When they get it</source>
        <translation>Wann es ankommt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>fermata::OutboxView</name>
    <message>
        <source>Message your team without interrupting them</source>
        <translation>Schreiben Sie Ihrem Team, ohne es zu unterbrechen</translation>
    </message>
    <message>
        <source>Messages wait here until each teammate&apos;s next check-in window. Join a team in Preferences → Team, or with fermata hub join.</source>
        <translation>Nachrichten warten hier bis zum nächsten Check-in-Fenster des jeweiligen Teammitglieds. Treten Sie einem Team unter Einstellungen → Team bei oder mit fermata hub join.</translation>
    </message>
    <message>
        <source>Sent and held</source>
        <translation>Gesendet und zurückgehalten</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>Sent messages</source>
        <translation>Gesendete Nachrichten</translation>
    </message>
    <message>
        <source>Cancels a message still held for its recipient</source>
        <translation>Zieht eine Nachricht zurück, die für ihren Empfänger noch zurückgehalten wird</translation>
    </message>
    <message numerus="yes">
        <source>Sent — %n held for their check-in</source>
        <translation>
            <numerusform>Gesendet – %n bis zum Check-in zurückgehalten</numerusform>
            <numerusform>Gesendet – %n bis zum Check-in zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
</context>
<context>
    <name>fermata::PlanController</name>
    <message>
        <source>Could not plan: this period is already over. Pick a later day.</source>
        <translation>Planen nicht möglich: Dieser Zeitraum ist schon vorbei. Wählen Sie einen späteren Tag.</translation>
    </message>
    <message>
        <source>Could not plan: there are no working hours in the next two weeks. Set them in Preferences.</source>
        <translation>Planen nicht möglich: In den nächsten zwei Wochen gibt es keine Arbeitszeiten. Legen Sie sie in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>Could not plan: %1</source>
        <translation>Planen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Your plan no longer fits: a meeting or task changed.</source>
        <translation>Ihr Plan passt nicht mehr: Ein Termin oder eine Aufgabe hat sich geändert.</translation>
    </message>
    <message>
        <source>Optimal: no other plan gets more important work done on time.</source>
        <translation>Optimal: Kein anderer Plan erledigt mehr wichtige Arbeit rechtzeitig.</translation>
    </message>
    <message>
        <source>Within %1% of the best possible.</source>
        <translation>Höchstens %1 % vom bestmöglichen Plan entfernt.</translation>
    </message>
    <message>
        <source>Nothing new to plan for %1.</source>
        <translation>Für %1 gibt es nichts Neues zu planen.</translation>
    </message>
    <message>
        <source>Planned %1: 1 block, %2.</source>
        <translation>%1 geplant: 1 Block, %2.</translation>
    </message>
    <message>
        <source>Planned %1: %2 blocks, %3.</source>
        <translation>%1 geplant: %2 Blöcke, %3.</translation>
    </message>
    <message>
        <source>Nothing new to plan in this range.</source>
        <translation>In diesem Zeitraum gibt es nichts Neues zu planen.</translation>
    </message>
    <message>
        <source>Planned 1 block, %1.</source>
        <translation>1 Block geplant, %1.</translation>
    </message>
    <message>
        <source>Planned %1 blocks, %2.</source>
        <translation>%1 Blöcke geplant, %2.</translation>
    </message>
    <message>
        <source>%1 is blocked by &apos;%2&apos; (all day).</source>
        <translation>%1 ist durch „%2“ belegt (ganztägig).</translation>
    </message>
    <message>
        <source>Planning… checking that no better plan exists.</source>
        <translation>Plane … prüfe, dass es keinen besseren Plan gibt.</translation>
    </message>
</context>
<context>
    <name>fermata::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Arbeitszeiten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>%1 start</source>
        <translation>%1 Beginn</translation>
    </message>
    <message>
        <source>%1 end</source>
        <translation>%1 Ende</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Start Fermata when I log in</source>
        <translation>Fermata bei der Anmeldung &amp;starten</translation>
    </message>
    <message>
        <source>Fermata starts in the tray, without its window, and holds notifications from the moment you log in.</source>
        <translation>Fermata startet im Infobereich ohne Fenster und hält Benachrichtigungen ab der Anmeldung zurück.</translation>
    </message>
    <message>
        <source>&amp;Learn from my estimates</source>
        <translation>Aus meinen Schätzungen &amp;lernen</translation>
    </message>
    <message>
        <source>Plans each task for the time tasks like it really took (the focus sessions of your finished tasks, per tag). Your estimates stay as you entered them.</source>
        <translation>Plant jede Aufgabe mit der Zeit, die ähnliche Aufgaben tatsächlich gebraucht haben (die Fokussitzungen Ihrer erledigten Aufgaben, je Schlagwort). Ihre Schätzungen bleiben, wie Sie sie eingegeben haben.</translation>
    </message>
    <message>
        <source>Starts by itself once %1 tasks are finished with focus time (%2 so far).</source>
        <translation>Beginnt von selbst, sobald %1 Aufgaben mit Fokuszeit erledigt sind (bisher %2).</translation>
    </message>
    <message>
        <source>On %1 the end (%2) must be after the start (%3).</source>
        <translation>Am %1 muss das Ende (%2) nach dem Beginn (%3) liegen.</translation>
    </message>
    <message>
        <source>“%1” is not a time zone this system knows. Pick one from the list, e.g. Europe/Berlin.</source>
        <translation>„%1“ ist keine Zeitzone, die dieses System kennt. Wählen Sie eine aus der Liste, z. B. Europe/Berlin.</translation>
    </message>
</context>
<context>
    <name>fermata::QuickAddPreview</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Not understood, kept in the title: %1</source>
        <translation>Nicht verstanden, bleibt im Titel: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>No task called “%1” to wait for: check the title.</source>
        <translation>Keine Aufgabe namens „%1“, auf die gewartet werden kann: Prüfen Sie den Titel.</translation>
    </message>
    <message>
        <source>Sharing needs a team hub (Preferences → Team): the task will be added unshared.</source>
        <translation>Teilen braucht einen Team-Hub (Einstellungen → Team): Die Aufgabe wird ungeteilt hinzugefügt.</translation>
    </message>
    <message>
        <source>Waiting for %1’s work needs a team hub: join one in Preferences → Team.</source>
        <translation>Um auf die Arbeit von %1 zu warten, braucht es einen Team-Hub: Treten Sie einem unter Einstellungen → Team bei.</translation>
    </message>
    <message>
        <source>Nobody called %1 shares work with your team: check the name.</source>
        <translation>Niemand namens %1 teilt Arbeit mit Ihrem Team: Prüfen Sie den Namen.</translation>
    </message>
    <message>
        <source>%1 shares %2 commitments starting “%3”: write more of the title.</source>
        <translation>%1 teilt %2 Zusagen, die mit „%3“ beginnen: Schreiben Sie mehr vom Titel.</translation>
    </message>
    <message>
        <source>%1 shares nothing called “%2”: check the title.</source>
        <translation>%1 teilt nichts namens „%2“: Prüfen Sie den Titel.</translation>
    </message>
    <message>
        <source>Adds “%1”</source>
        <translation>Fügt „%1“ hinzu</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>mornings</source>
        <translation>vormittags</translation>
    </message>
    <message>
        <source>afternoons</source>
        <translation>nachmittags</translation>
    </message>
    <message>
        <source>after %1’s ‘%2’</source>
        <translation>nach „%2“ von %1</translation>
    </message>
    <message>
        <source>after “%1”</source>
        <translation>nach „%1“</translation>
    </message>
    <message>
        <source>shared with your team</source>
        <translation>mit Ihrem Team geteilt</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>fermata::StatusChip</name>
    <message>
        <source>Day status</source>
        <translation>Tagesstatus</translation>
    </message>
</context>
<context>
    <name>fermata::TaskDetailsPanel</name>
    <message>
        <source>Task details</source>
        <translation>Aufgabendetails</translation>
    </message>
    <message>
        <source>Select a task to see and edit its details.</source>
        <translation>Wählen Sie eine Aufgabe aus, um ihre Details zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>Close details</source>
        <translation>Details schließen</translation>
    </message>
    <message>
        <source>Learnt from the focus sessions of your finished tasks (Preferences → General → Learn from my estimates). The remaining time stays as you entered it.</source>
        <translation>Gelernt aus den Fokussitzungen Ihrer erledigten Aufgaben (Einstellungen → Allgemein → Aus meinen Schätzungen lernen). Die Restzeit bleibt, wie Sie sie eingegeben haben.</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>Can be split into several blocks</source>
        <translation>Kann auf mehrere Blöcke verteilt werden</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Vormittag</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Nachmittag</translation>
    </message>
    <message>
        <source>The task that must be done first; the planner places this one after it.</source>
        <translation>Die Aufgabe, die zuerst erledigt sein muss; die Planung setzt diese danach.</translation>
    </message>
    <message>
        <source>A teammate&apos;s shared work this task waits for; the planner places this task after the day that work is planned to finish.</source>
        <translation>Geteilte Arbeit eines Teammitglieds, auf die diese Aufgabe wartet; die Planung setzt diese Aufgabe nach den Tag, an dem jene Arbeit fertig sein soll.</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>&amp;Estimate</source>
        <translation>&amp;Schätzung</translation>
    </message>
    <message>
        <source>&amp;Remaining</source>
        <translation>&amp;Verbleibend</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>Frühester Beginn</translation>
    </message>
    <message>
        <source>Min chunk</source>
        <translation>Kleinster Block</translation>
    </message>
    <message>
        <source>Max chunk</source>
        <translation>Größter Block</translation>
    </message>
    <message>
        <source>Part of &amp;day</source>
        <translation>Ta&amp;geszeit</translation>
    </message>
    <message>
        <source>&amp;Waits for</source>
        <translation>&amp;Wartet auf</translation>
    </message>
    <message>
        <source>A&amp;fter teammate</source>
        <translation>Nach Teammitglie&amp;d</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>Sch&amp;lagwörter</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>No other task</source>
        <translation>Keine andere Aufgabe</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1 (erledigt)</translation>
    </message>
    <message>
        <source>No teammate&apos;s work</source>
        <translation>Keine Arbeit eines Teammitglieds</translation>
    </message>
    <message>
        <source>(no longer shared)</source>
        <translation>(nicht mehr geteilt)</translation>
    </message>
</context>
<context>
    <name>fermata::TaskSharingBox</name>
    <message>
        <source>Shared with my team</source>
        <translation>Mit meinem Team geteilt</translation>
    </message>
    <message>
        <source>Note for the tea&amp;m</source>
        <translation>Notiz für das Tea&amp;m</translation>
    </message>
    <message>
        <source>Optional: what they should know</source>
        <translation>Optional: was das Team wissen sollte</translation>
    </message>
    <message>
        <source>Note for the team</source>
        <translation>Notiz für das Team</translation>
    </message>
    <message>
        <source>Sharing needs a team hub: join one in Preferences → Team.</source>
        <translation>Teilen braucht einen Team-Hub: Treten Sie einem unter Einstellungen → Team bei.</translation>
    </message>
    <message>
        <source>Your team sees the title, estimate, due date, status and the day the planned work ends; never focus times or the task&apos;s notes.</source>
        <translation>Ihr Team sieht Titel, Schätzung, Fälligkeit, Status und den Tag, an dem die geplante Arbeit endet – nie Fokuszeiten oder die Notizen der Aufgabe.</translation>
    </message>
    <message>
        <source>Your team sees this note with the task (up to %1 characters).</source>
        <translation>Ihr Team sieht diese Notiz zusammen mit der Aufgabe (bis zu %1 Zeichen).</translation>
    </message>
    <message>
        <source>Not on the hub yet: your team sees it after the next sync.</source>
        <translation>Noch nicht auf dem Hub: Ihr Team sieht es nach der nächsten Synchronisierung.</translation>
    </message>
</context>
<context>
    <name>fermata::TaskTableModel</name>
    <message>
        <source>Planned as %1 from your last task</source>
        <translation>Mit %1 geplant, nach Ihrer letzten Aufgabe</translation>
    </message>
    <message>
        <source>Planned as %1 from your last %2 tasks</source>
        <translation>Mit %1 geplant, nach Ihren letzten %2 Aufgaben</translation>
    </message>
    <message>
        <source>Planned as %1 from your last &apos;%2&apos; task</source>
        <translation>Mit %1 geplant, nach Ihrer letzten Aufgabe mit „%2“</translation>
    </message>
    <message>
        <source>Planned as %1 from your last %2 &apos;%3&apos; tasks</source>
        <translation>Mit %1 geplant, nach Ihren letzten %2 Aufgaben mit „%3“</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>Frühester Beginn</translation>
    </message>
    <message>
        <source>Min chunk</source>
        <translation>Kleinster Block</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Tick the box to mark a task done.</source>
        <translation>Haken setzen, um eine Aufgabe als erledigt zu markieren.</translation>
    </message>
    <message>
        <source>This cell cannot be changed that way.</source>
        <translation>Diese Zelle lässt sich so nicht ändern.</translation>
    </message>
    <message>
        <source>“%1” is not a duration. Try “90”, “45m” or “1h 30m”.</source>
        <translation>„%1“ ist keine Dauer. Versuchen Sie „90“, „45m“ oder „1h 30m“.</translation>
    </message>
    <message>
        <source>Priority is P1 (most important) to P4.</source>
        <translation>Die Priorität reicht von P1 (am wichtigsten) bis P4.</translation>
    </message>
    <message>
        <source>This column is edited in the details panel.</source>
        <translation>Diese Spalte wird im Detailbereich bearbeitet.</translation>
    </message>
</context>
<context>
    <name>fermata::TasksView</name>
    <message>
        <source>Delete Task</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <source>Add a task — e.g. Write report 3h by fri p1, or Review PR 45m after &quot;Write report&quot;</source>
        <translation>Aufgabe hinzufügen – z. B. Write report 3h by fri p1 oder Review PR 45m after &quot;Write report&quot;</translation>
    </message>
    <message>
        <source>New task title</source>
        <translation>Titel der neuen Aufgabe</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>No task called “%1” — check the title</source>
        <translation>Keine Aufgabe namens „%1“ – prüfen Sie den Titel</translation>
    </message>
    <message>
        <source>Added “%1” but did not share it: sharing needs a team hub (Preferences → Team).</source>
        <translation>„%1“ hinzugefügt, aber nicht geteilt: Teilen braucht einen Team-Hub (Einstellungen → Team).</translation>
    </message>
    <message>
        <source>Deleted “%1” — Ctrl+Z brings it back</source>
        <translation>„%1“ gelöscht – Strg+Z holt sie zurück</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
</context>
<context>
    <name>fermata::TeamPage</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <source>the login your team admin gave you</source>
        <translation>die Anmeldung von Ihrer Team-Administration</translation>
    </message>
    <message>
        <source>A team hub is a PostgreSQL database your team shares. Teammates see when you read (your check-in windows), never whether you are online.</source>
        <translation>Ein Team-Hub ist eine PostgreSQL-Datenbank, die Ihr Team gemeinsam nutzt. Teammitglieder sehen, wann Sie lesen (Ihre Check-in-Fenster), aber nie, ob Sie online sind.</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>Hub-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Team hub address: %1</source>
        <translation>Adresse des Team-Hubs: %1</translation>
    </message>
    <message>
        <source>The team hub is not available in this window.</source>
        <translation>Der Team-Hub ist in diesem Fenster nicht verfügbar.</translation>
    </message>
    <message>
        <source>You are a member of this team hub as %1. Your password is stored on this computer; leave the field empty to test with it.</source>
        <translation>Sie sind Mitglied dieses Team-Hubs als %1. Ihr Passwort ist auf diesem Computer gespeichert; lassen Sie das Feld leer, um damit zu testen.</translation>
    </message>
    <message>
        <source>Not in a team. Ask your team admin to run fermata hub add-member, then enter the address, login and one-time password they give you and press Join.</source>
        <translation>In keinem Team. Bitten Sie Ihre Team-Administration, fermata hub add-member auszuführen, geben Sie dann die erhaltene Adresse, Anmeldung und das Einmalpasswort ein und klicken Sie auf „Beitreten“.</translation>
    </message>
    <message>
        <source>&amp;Leave Team</source>
        <translation>Team &amp;verlassen</translation>
    </message>
    <message>
        <source>stored on this computer</source>
        <translation>auf diesem Computer gespeichert</translation>
    </message>
    <message>
        <source>one-time password</source>
        <translation>Einmalpasswort</translation>
    </message>
    <message>
        <source>Enter the hub address (postgresql://HOST:PORT/DATABASE, or HOST1:PORT1,HOST2:PORT2 with a standby) and your login first.</source>
        <translation>Geben Sie zuerst die Hub-Adresse (postgresql://HOST:PORT/DATENBANK oder HOST1:PORT1,HOST2:PORT2 mit Standby) und Ihre Anmeldung ein.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Leaving the team hub…</source>
        <translation>Team-Hub wird verlassen …</translation>
    </message>
    <message>
        <source>To join, enter the hub address, your login and the one-time password your team admin gave you.</source>
        <translation>Zum Beitreten geben Sie die Hub-Adresse, Ihre Anmeldung und das Einmalpasswort von Ihrer Team-Administration ein.</translation>
    </message>
    <message>
        <source>Joining %1…</source>
        <translation>%1 wird beigetreten …</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>T&amp;eam</translation>
    </message>
</context>
<context>
    <name>fermata::TeamView</name>
    <message>
        <source>no check-in windows this day: messages reach them at once</source>
        <translation>an diesem Tag keine Check-in-Fenster: Nachrichten kommen sofort an</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>reads %1 your time</source>
        <translation>liest %1 Ihrer Zeit</translation>
    </message>
    <message>
        <source>No teammates yet</source>
        <translation>Noch keine Teammitglieder</translation>
    </message>
    <message>
        <source>Join a team in Preferences → Team (or with fermata hub join) to see when each teammate reads, in your time. Never who is online.</source>
        <translation>Treten Sie einem Team unter Einstellungen → Team bei (oder mit fermata hub join), um zu sehen, wann jedes Teammitglied liest – in Ihrer Zeit. Nie, wer online ist.</translation>
    </message>
    <message>
        <source>%1 · %2 there</source>
        <translation>%1 · dort %2</translation>
    </message>
    <message>
        <source>%1 — check-in windows in your time (%2). Messages you send wait for the recipient&apos;s next window.</source>
        <translation>%1 – Check-in-Fenster in Ihrer Zeit (%2). Ihre Nachrichten warten auf das nächste Fenster des Empfängers.</translation>
    </message>
</context>
<context>
    <name>fermata::TeamWindowsChart</name>
    <message>
        <source>Teammates&apos; check-in windows</source>
        <translation>Check-in-Fenster der Teammitglieder</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1, %2: %3. %4</source>
        <translation>%1, %2: %3. %4</translation>
    </message>
</context>
<context>
    <name>fermata::TimelineData</name>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
</context>
<context>
    <name>fermata::TodayView</name>
    <message>
        <source>Could not pin “%1”: %2</source>
        <translation>„%1“ konnte nicht angeheftet werden: %2</translation>
    </message>
    <message>
        <source>Could not resize the block: %1</source>
        <translation>Die Länge des Blocks konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Could not unpin the block: %1</source>
        <translation>Der Block konnte nicht gelöst werden: %1</translation>
    </message>
    <message>
        <source>Could not pin the block: %1</source>
        <translation>Der Block konnte nicht angeheftet werden: %1</translation>
    </message>
    <message>
        <source>A removed task</source>
        <translation>Eine entfernte Aufgabe</translation>
    </message>
    <message>
        <source>Could not be placed (%1)</source>
        <translation>Nicht einplanbar (%1)</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Offene Aufgaben</translation>
    </message>
    <message>
        <source>Most important first. Drag one onto the day to pin it.</source>
        <translation>Wichtigste zuerst. Ziehen Sie eine auf den Tag, um sie anzuheften.</translation>
    </message>
    <message>
        <source>Tasks that could not be placed</source>
        <translation>Nicht einplanbare Aufgaben</translation>
    </message>
    <message>
        <source>Nothing planned yet</source>
        <translation>Noch nichts geplant</translation>
    </message>
    <message>
        <source>Add a task in Tasks (Ctrl+3) or press Ctrl+N.</source>
        <translation>Fügen Sie unter „Aufgaben“ (Strg+3) eine Aufgabe hinzu oder drücken Sie Strg+N.</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Alles erledigt</translation>
    </message>
    <message>
        <source>Every task is done. Add the next one with Ctrl+N.</source>
        <translation>Jede Aufgabe ist erledigt. Fügen Sie die nächste mit Strg+N hinzu.</translation>
    </message>
</context>
<context>
    <name>fermata::TopBar</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>fermata::TrayIcon</name>
    <message>
        <source>Fermata</source>
        <translation>Fermata</translation>
    </message>
    <message>
        <source>Show Fermata</source>
        <translation>Fermata anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Fermata — %1</source>
        <translation>Fermata – %1</translation>
    </message>
</context>
<context>
    <name>fermata::UndoHistory</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Wiederholt: %1.</translation>
    </message>
    <message>
        <source>%1 The undo history was cleared, so nothing else is changed by mistake.</source>
        <translation>%1 Der Rückgängig-Verlauf wurde geleert, damit nichts anderes versehentlich geändert wird.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>„%1“ &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>„%1“ &amp;wiederholen</translation>
    </message>
    <message>
        <source>Could not undo “%1”: %2.</source>
        <translation>„%1“ konnte nicht rückgängig gemacht werden: %2.</translation>
    </message>
    <message>
        <source>Could not redo “%1”: %2.</source>
        <translation>„%1“ konnte nicht wiederholt werden: %2.</translation>
    </message>
    <message>
        <source>focus block</source>
        <translation>Fokusblock</translation>
    </message>
    <message>
        <source>Pin “%1”</source>
        <translation>„%1“ anheften</translation>
    </message>
    <message>
        <source>Could not pin “%1”: %2</source>
        <translation>„%1“ konnte nicht angeheftet werden: %2</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>Resize “%1”</source>
        <translation>Länge von „%1“ ändern</translation>
    </message>
    <message>
        <source>Could not resize the block: %1</source>
        <translation>Die Länge des Blocks konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Unpin “%1”</source>
        <translation>„%1“ lösen</translation>
    </message>
    <message>
        <source>Could not pin the block: %1</source>
        <translation>Der Block konnte nicht angeheftet werden: %1</translation>
    </message>
    <message>
        <source>Could not unpin the block: %1</source>
        <translation>Der Block konnte nicht gelöst werden: %1</translation>
    </message>
    <message>
        <source>Archive 1 item</source>
        <translation>1 Eintrag archivieren</translation>
    </message>
    <message>
        <source>Archive %1 items</source>
        <translation>%1 Einträge archivieren</translation>
    </message>
    <message>
        <source>Mark 1 item Done</source>
        <translation>1 Eintrag als erledigt markieren</translation>
    </message>
    <message>
        <source>Mark %1 items Done</source>
        <translation>%1 Einträge als erledigt markieren</translation>
    </message>
    <message>
        <source>The Inbox is not available.</source>
        <translation>Der Posteingang ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Archive “%1”</source>
        <translation>„%1“ archivieren</translation>
    </message>
    <message>
        <source>Mark “%1” Done</source>
        <translation>„%1“ als erledigt markieren</translation>
    </message>
    <message>
        <source>Could not update the Inbox: %1</source>
        <translation>Der Posteingang konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>“%1” is back, but not all of it: %2</source>
        <translation>„%1“ ist zurück, aber nicht vollständig: %2</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is back, but %n of its blocks could not be put back.</source>
        <translation>
            <numerusform>„%1“ ist zurück, aber %n ihrer Blöcke konnte nicht zurückgelegt werden.</numerusform>
            <numerusform>„%1“ ist zurück, aber %n ihrer Blöcke konnten nicht zurückgelegt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark “%1” Not Done</source>
        <translation>„%1“ als nicht erledigt markieren</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Add “%1”</source>
        <translation>„%1“ hinzufügen</translation>
    </message>
</context>
<context>
    <name>fermata::UnplacedTasks</name>
    <message>
        <source>a removed task</source>
        <translation>eine entfernte Aufgabe</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Only part of &apos;%1&apos; could be placed (%2).</source>
        <translation>Nur ein Teil von „%1“ ließ sich einplanen (%2).</translation>
    </message>
    <message>
        <source>; %1</source>
        <translation>; %1</translation>
    </message>
    <message>
        <source>Only part of &apos;%1&apos; could be placed (%2%3).</source>
        <translation>Nur ein Teil von „%1“ ließ sich einplanen (%2%3).</translation>
    </message>
    <message>
        <source>Could not be placed: &apos;%1&apos;.</source>
        <translation>Nicht einplanbar: „%1“.</translation>
    </message>
    <message>
        <source>Could not be placed: &apos;%1&apos; (%2).</source>
        <translation>Nicht einplanbar: „%1“ (%2).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>%1 tasks could not be placed in full: %2.</source>
        <translation>%1 Aufgaben ließen sich nicht vollständig einplanen: %2.</translation>
    </message>
    <message>
        <source>%1 tasks could not be placed: %2.</source>
        <translation>%1 Aufgaben ließen sich nicht einplanen: %2.</translation>
    </message>
</context>
<context>
    <name>fermata::WelcomePanel</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Fermata</source>
        <translation>Willkommen bei Fermata</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Hide this welcome for good</source>
        <translation>Diese Begrüßung dauerhaft ausblenden</translation>
    </message>
    <message>
        <source>Three steps, and Fermata plans your focus time around your meetings and holds interruptions until your check-ins.</source>
        <translation>Drei Schritte, und Fermata plant Ihre Fokuszeit um Ihre Termine herum und hält Unterbrechungen bis zu Ihren Check-ins zurück.</translation>
    </message>
    <message>
        <source>Set Hours…</source>
        <translation>Zeiten festlegen …</translation>
    </message>
    <message>
        <source>Set your working hours and the check-in windows when you read messages</source>
        <translation>Legen Sie Ihre Arbeitszeiten fest und die Check-in-Fenster, in denen Sie Nachrichten lesen</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>.ics importieren …</translation>
    </message>
    <message>
        <source>Subscribe…</source>
        <translation>Abonnieren …</translation>
    </message>
    <message>
        <source>Bring in your calendar, so focus time goes around your meetings</source>
        <translation>Holen Sie Ihren Kalender herein, damit die Fokuszeit um Ihre Termine herum liegt</translation>
    </message>
    <message>
        <source>Put this into quick-add to try it</source>
        <translation>Zum Ausprobieren in die Schnelleingabe übernehmen</translation>
    </message>
    <message>
        <source>Add your first tasks with quick-add, for example</source>
        <translation>Fügen Sie Ihre ersten Aufgaben per Schnelleingabe hinzu, zum Beispiel</translation>
    </message>
    <message>
        <source>Write the quarterly report 3h by fri</source>
        <translation>Write the quarterly report 3h by fri</translation>
    </message>
    <message>
        <source>Review Ada&apos;s draft 30m tomorrow</source>
        <translation>Review Ada&apos;s draft 30m tomorrow</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Zu erledigen</translation>
    </message>
</context>
<context>
    <name>fermata::WhenText</name>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a day, then a time</comment>
        <translation>%1 %2</translation>
    </message>
</context>
</TS>
