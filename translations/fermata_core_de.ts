<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>fermata::Attention</name>
    <message>
        <source>The check-in window &quot;%1&quot; needs days, a start, an end and a time zone.</source>
        <translation>Das Check-in-Fenster „%1“ braucht Tage, einen Beginn, ein Ende und eine Zeitzone.</translation>
    </message>
    <message>
        <source>Morning check-in</source>
        <translation>Check-in am Morgen</translation>
    </message>
    <message>
        <source>Midday check-in</source>
        <translation>Check-in am Mittag</translation>
    </message>
    <message>
        <source>Afternoon check-in</source>
        <translation>Check-in am Nachmittag</translation>
    </message>
    <message>
        <source>no session bus (%1)</source>
        <translation>kein Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>the session bus refused to let Fermata observe notifications (%1)</source>
        <translation>der Sitzungsbus erlaubt Fermata nicht, Benachrichtigungen zu beobachten (%1)</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 aus %2</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Fermata could not switch %1&apos;s Do Not Disturb back.</source>
        <translation>Fermata konnte „Nicht stören“ von %1 nicht zurückschalten.</translation>
    </message>
    <message>
        <source>Fermata could not read %1&apos;s Do Not Disturb state.</source>
        <translation>Fermata konnte den Zustand von „Nicht stören“ bei %1 nicht lesen.</translation>
    </message>
    <message>
        <source>Fermata could not switch on %1&apos;s Do Not Disturb.</source>
        <translation>Fermata konnte „Nicht stören“ von %1 nicht einschalten.</translation>
    </message>
    <message>
        <source>Focus needs at least one minute.</source>
        <translation>Fokus braucht mindestens eine Minute.</translation>
    </message>
    <message>
        <source>A focus session is already running until %1.</source>
        <translation>Eine Fokussitzung läuft bereits bis %1.</translation>
    </message>
    <message>
        <source>No focus session is running.</source>
        <translation>Es läuft keine Fokussitzung.</translation>
    </message>
    <message>
        <source>The request headers are over %1 bytes.</source>
        <translation>Die Kopfzeilen der Anfrage sind größer als %1 Byte.</translation>
    </message>
    <message>
        <source>The request is not HTTP/1.1 that Fermata can read.</source>
        <translation>Die Anfrage ist kein HTTP/1.1, das Fermata lesen kann.</translation>
    </message>
    <message>
        <source>Fermata takes notifications at POST %1.</source>
        <translation>Fermata nimmt Benachrichtigungen unter POST %1 an.</translation>
    </message>
    <message>
        <source>Send notifications with POST.</source>
        <translation>Senden Sie Benachrichtigungen mit POST.</translation>
    </message>
    <message>
        <source>Send the token from Fermata&apos;s Preferences as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation>Senden Sie das Token aus den Einstellungen von Fermata als &quot;Authorization: Bearer TOKEN&quot;.</translation>
    </message>
    <message>
        <source>Send the body with a Content-Length header (its size in bytes); chunked bodies are not taken.</source>
        <translation>Senden Sie den Inhalt mit einer Content-Length-Kopfzeile (seiner Größe in Byte); Inhalte in Chunks werden nicht angenommen.</translation>
    </message>
    <message>
        <source>Content-Length must be one number of bytes.</source>
        <translation>Content-Length muss eine einzelne Bytezahl sein.</translation>
    </message>
    <message>
        <source>The body is %1 bytes; the limit is %2.</source>
        <translation>Der Inhalt ist %1 Byte groß; die Grenze liegt bei %2.</translation>
    </message>
    <message>
        <source>The request was not complete within %1 ms.</source>
        <translation>Die Anfrage war nicht innerhalb von %1 ms vollständig.</translation>
    </message>
    <message>
        <source>Fermata is busy; try again in a moment.</source>
        <translation>Fermata ist beschäftigt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Fermata is not running (%1).</source>
        <translation>Fermata läuft nicht (%1).</translation>
    </message>
    <message>
        <source> Fermata sent nothing.</source>
        <translation> Fermata hat nichts gesendet.</translation>
    </message>
    <message>
        <source>Fermata did not acknowledge every notification (%1 of %2).</source>
        <translation>Fermata hat nicht jede Benachrichtigung bestätigt (%1 von %2).</translation>
    </message>
    <message>
        <source>another Fermata already takes notifications for this profile</source>
        <translation>ein anderes Fermata nimmt bereits Benachrichtigungen für dieses Profil an</translation>
    </message>
    <message>
        <source>macOS lets no app switch Focus on or off, so Fermata holds its own notifications only; turn Focus on yourself to quiet the others.</source>
        <translation>macOS lässt keine App den Fokus ein- oder ausschalten, daher hält Fermata nur seine eigenen Benachrichtigungen zurück; schalten Sie den Fokus selbst ein, um die übrigen stummzuschalten.</translation>
    </message>
    <message>
        <source>Capturing other apps&apos; notifications needs D-Bus, which this build does not have.</source>
        <translation>Um Benachrichtigungen anderer Apps abzufangen, ist D-Bus nötig, das dieser Build nicht hat.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string.</source>
        <translation>&quot;%1&quot; muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than %2 characters.</source>
        <translation>&quot;%1&quot; ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>The body is not valid JSON (%1 at offset %2).</source>
        <translation>Der Inhalt ist kein gültiges JSON (%1 an Position %2).</translation>
    </message>
    <message>
        <source>The body must be a JSON object with at least a &quot;title&quot;.</source>
        <translation>Der Inhalt muss ein JSON-Objekt mit mindestens einem &quot;title&quot; sein.</translation>
    </message>
    <message>
        <source>&quot;title&quot; is missing; every notification needs one.</source>
        <translation>&quot;title&quot; fehlt; jede Benachrichtigung braucht einen.</translation>
    </message>
    <message>
        <source>&quot;title&quot; is empty; every notification needs one.</source>
        <translation>&quot;title&quot; ist leer; jede Benachrichtigung braucht einen.</translation>
    </message>
    <message>
        <source>&quot;source&quot; is empty; say which app sends this.</source>
        <translation>&quot;source&quot; ist leer; geben Sie an, welche App dies sendet.</translation>
    </message>
    <message>
        <source>&quot;urgency&quot; must be low, normal or critical, not &quot;%1&quot;.</source>
        <translation>&quot;urgency&quot; muss low, normal oder critical sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Remove it, or set XDG_RUNTIME_DIR to a folder only you can open.</source>
        <translation>Entfernen Sie es oder setzen Sie XDG_RUNTIME_DIR auf einen Ordner, den nur Sie öffnen können.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Fermata cannot look at %1: %2.</source>
        <translation>Fermata kann %1 nicht untersuchen: %2.</translation>
    </message>
    <message>
        <source>%1 is not a folder, so Fermata will not keep its sockets there. %2</source>
        <translation>%1 ist kein Ordner, daher legt Fermata seine Sockets dort nicht ab. %2</translation>
    </message>
    <message>
        <source>%1 belongs to another user (uid %2), so Fermata will not keep its sockets there. %3</source>
        <translation>%1 gehört einem anderen Benutzer (UID %2), daher legt Fermata seine Sockets dort nicht ab. %3</translation>
    </message>
    <message>
        <source>Other users can open %1 (mode %2), so Fermata will not keep its sockets there. Run chmod 700 on it, or set XDG_RUNTIME_DIR to a folder only you can open.</source>
        <translation>Andere Benutzer können %1 öffnen (Modus %2), daher legt Fermata seine Sockets dort nicht ab. Führen Sie chmod 700 darauf aus oder setzen Sie XDG_RUNTIME_DIR auf einen Ordner, den nur Sie öffnen können.</translation>
    </message>
    <message>
        <source>Fermata cannot create %1: %2.</source>
        <translation>Fermata kann %1 nicht anlegen: %2.</translation>
    </message>
    <message>
        <source>%1 belongs to another user (uid %2); Fermata leaves it alone.</source>
        <translation>%1 gehört einem anderen Benutzer (UID %2); Fermata lässt es unangetastet.</translation>
    </message>
    <message>
        <source>%1 is not a socket; Fermata leaves it alone.</source>
        <translation>%1 ist kein Socket; Fermata lässt es unangetastet.</translation>
    </message>
    <message>
        <source>The socket path %1 is too long (a local socket takes at most %2 bytes); set XDG_RUNTIME_DIR to a shorter folder.</source>
        <translation>Der Socket-Pfad %1 ist zu lang (ein lokaler Socket erlaubt höchstens %2 Byte); setzen Sie XDG_RUNTIME_DIR auf einen kürzeren Ordner.</translation>
    </message>
    <message>
        <source>Fermata cannot listen on %1: %2</source>
        <translation>Fermata kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>Fermata cannot tell which user answers on %1, so it sent nothing to it.</source>
        <translation>Fermata kann nicht feststellen, welcher Benutzer auf %1 antwortet, und hat deshalb nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>%1 is owned by another user (uid %2); Fermata sent nothing to it.</source>
        <translation>%1 gehört einem anderen Benutzer (UID %2); Fermata hat nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>Switching the desktop&apos;s Do Not Disturb needs D-Bus, which this build does not have; Fermata holds its own notifications only.</source>
        <translation>Um „Nicht stören“ des Desktops umzuschalten, ist D-Bus nötig, das dieser Build nicht hat; Fermata hält nur seine eigenen Benachrichtigungen zurück.</translation>
    </message>
    <message>
        <source>Windows lets no app switch Focus Assist on or off, so Fermata holds its own notifications only; turn Focus Assist on yourself to quiet the others.</source>
        <translation>Windows lässt keine App den Fokus-Assistenten ein- oder ausschalten, daher hält Fermata nur seine eigenen Benachrichtigungen zurück; schalten Sie den Fokus-Assistenten selbst ein, um die übrigen stummzuschalten.</translation>
    </message>
    <message>
        <source>None found (Fermata holds its own sources only)</source>
        <translation>Keines gefunden (Fermata hält nur die eigenen Quellen zurück)</translation>
    </message>
</context>
<context>
    <name>fermata::CalDav</name>
    <message>
        <source>save the CalDAV account</source>
        <translation>das CalDAV-Konto speichern</translation>
    </message>
    <message>
        <source>save the CalDAV calendar</source>
        <translation>den CalDAV-Kalender speichern</translation>
    </message>
    <message>
        <source>The CalDAV account no longer exists.</source>
        <translation>Das CalDAV-Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The CalDAV calendar no longer exists.</source>
        <translation>Der CalDAV-Kalender existiert nicht mehr.</translation>
    </message>
    <message>
        <source>A CalDAV account named &quot;%1&quot; already exists.</source>
        <translation>Ein CalDAV-Konto namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>remove the CalDAV account</source>
        <translation>das CalDAV-Konto entfernen</translation>
    </message>
    <message>
        <source>read CalDAV accounts</source>
        <translation>CalDAV-Konten lesen</translation>
    </message>
    <message>
        <source>read a CalDAV account</source>
        <translation>ein CalDAV-Konto lesen</translation>
    </message>
    <message>
        <source>read CalDAV calendars</source>
        <translation>CalDAV-Kalender lesen</translation>
    </message>
    <message>
        <source>read a CalDAV calendar</source>
        <translation>einen CalDAV-Kalender lesen</translation>
    </message>
    <message>
        <source>Give the user name for the calendar server.</source>
        <translation>Geben Sie den Benutzernamen für den Kalenderserver an.</translation>
    </message>
    <message>
        <source>There is no CalDAV account named &quot;%1&quot;.</source>
        <translation>Es gibt kein CalDAV-Konto namens „%1“.</translation>
    </message>
    <message>
        <source>No CalDAV account is set up yet.</source>
        <translation>Es ist noch kein CalDAV-Konto eingerichtet.</translation>
    </message>
    <message>
        <source>There are several CalDAV accounts (%1): say which.</source>
        <translation>Es gibt mehrere CalDAV-Konten (%1): Geben Sie an, welches.</translation>
    </message>
    <message>
        <source>%1 has no calendar called &quot;%2&quot;; it has %3.</source>
        <translation>%1 hat keinen Kalender namens „%2“; vorhanden sind %3.</translation>
    </message>
    <message>
        <source>Several calendars of %1 are called &quot;%2&quot;: give its path instead (%3).</source>
        <translation>Mehrere Kalender von %1 heißen „%2“: Geben Sie stattdessen den Pfad an (%3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is read-only for %2: choose a calendar you can write to for focus blocks.</source>
        <translation>„%1“ ist für %2 schreibgeschützt: Wählen Sie für Fokusblöcke einen Kalender, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>No app password is kept for %1: add the account again to give it.</source>
        <translation>Für %1 ist kein App-Passwort gespeichert: Fügen Sie das Konto erneut hinzu, um es anzugeben.</translation>
    </message>
    <message>
        <source>%1 is being synced right now; try again in a moment.</source>
        <translation>%1 wird gerade synchronisiert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>save which focus blocks are on the CalDAV server</source>
        <translation>speichern, welche Fokusblöcke auf dem CalDAV-Server liegen</translation>
    </message>
    <message>
        <source>The focus block&apos;s CalDAV event is no longer known.</source>
        <translation>Der CalDAV-Termin des Fokusblocks ist nicht mehr bekannt.</translation>
    </message>
    <message>
        <source>read which focus blocks are on the CalDAV server</source>
        <translation>lesen, welche Fokusblöcke auf dem CalDAV-Server liegen</translation>
    </message>
    <message>
        <source>Another Fermata process took over this account&apos;s sync; it sends the rest.</source>
        <translation>Ein anderer Fermata-Prozess hat die Synchronisierung dieses Kontos übernommen; er sendet den Rest.</translation>
    </message>
    <message>
        <source>The focus block event %1 kept changing on the server; it is tried again next time.</source>
        <translation>Der Fokusblock-Termin %1 hat sich auf dem Server immer wieder geändert; er wird beim nächsten Mal erneut versucht.</translation>
    </message>
    <message>
        <source>save the copy of a CalDAV calendar</source>
        <translation>die Kopie eines CalDAV-Kalenders speichern</translation>
    </message>
    <message>
        <source>read the copy of a CalDAV calendar</source>
        <translation>die Kopie eines CalDAV-Kalenders lesen</translation>
    </message>
    <message>
        <source>%1: another Fermata process is syncing this account right now; try again in a moment.</source>
        <translation>%1: Ein anderer Fermata-Prozess synchronisiert dieses Konto gerade; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source> %1 for the next sync.</source>
        <translation> %1 auf die nächste Synchronisierung.</translation>
    </message>
    <message>
        <source>focus block change waits</source>
        <translation>Fokusblock-Änderung wartet</translation>
    </message>
    <message>
        <source>focus block changes wait</source>
        <translation>Fokusblock-Änderungen warten</translation>
    </message>
    <message>
        <source>calendars unchanged</source>
        <translation>Kalender unverändert</translation>
    </message>
    <message>
        <source>%1 checked, %2 changed</source>
        <translation>%1 geprüft, %2 geändert</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>calendars</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>no calendar receives focus blocks</source>
        <translation>kein Kalender erhält Fokusblöcke</translation>
    </message>
    <message>
        <source>focus blocks up to date</source>
        <translation>Fokusblöcke aktuell</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 neu</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>focus blocks: %1</source>
        <translation>Fokusblöcke: %1</translation>
    </message>
    <message>
        <source> (%1 edited by someone else, left as they are)</source>
        <translation> (%1 von jemand anderem bearbeitet, unverändert gelassen)</translation>
    </message>
    <message>
        <source>The sync was stopped.</source>
        <translation>Die Synchronisierung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is read-only, so it cannot receive focus blocks: choose another calendar.</source>
        <translation>„%1“ ist schreibgeschützt und kann daher keine Fokusblöcke erhalten: Wählen Sie einen anderen Kalender.</translation>
    </message>
    <message>
        <source>note which process syncs the CalDAV account</source>
        <translation>vermerken, welcher Prozess das CalDAV-Konto synchronisiert</translation>
    </message>
    <message>
        <source>Fermata could not open its data to add the account.</source>
        <translation>Fermata konnte seine Daten nicht öffnen, um das Konto hinzuzufügen.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Fermata could not open its data to remove the account.</source>
        <translation>Fermata konnte seine Daten nicht öffnen, um das Konto zu entfernen.</translation>
    </message>
    <message>
        <source>Removed %1; its focus block events stay on the server.</source>
        <translation>%1 entfernt; seine Fokusblock-Termine bleiben auf dem Server.</translation>
    </message>
    <message>
        <source>Removed %1 and its focus block events.</source>
        <translation>%1 und seine Fokusblock-Termine entfernt.</translation>
    </message>
</context>
<context>
    <name>fermata::Calendar</name>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>keine Antwort von %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>%1 refused the connection (is the server running?)</source>
        <translation>%1 hat die Verbindung abgelehnt (läuft der Server?)</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the server %1 was not found</source>
        <translation>der Server %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>no answer from %1</source>
        <translation>keine Antwort von %1</translation>
    </message>
    <message>
        <source>the secure connection to %1 failed</source>
        <translation>die sichere Verbindung zu %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the network is down</source>
        <translation>das Netzwerk ist nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 could not be reached (network error %2)</source>
        <translation>%1 war nicht erreichbar (Netzwerkfehler %2)</translation>
    </message>
    <message>
        <source>Could not %1: %2.</source>
        <translation>Fermata konnte nicht %1: %2.</translation>
    </message>
    <message>
        <source>Could not %1: no calendar server is known yet; find the calendars first.</source>
        <translation>Fermata konnte nicht %1: Es ist noch kein Kalenderserver bekannt; suchen Sie zuerst die Kalender.</translation>
    </message>
    <message>
        <source>the server no longer knows where the last sync stopped, so every event has to be read again</source>
        <translation>der Server weiß nicht mehr, wo die letzte Synchronisierung aufgehört hat, daher muss jeder Termin neu gelesen werden</translation>
    </message>
    <message>
        <source>The server refused user &apos;%1&apos;: check the user name and app password.</source>
        <translation>Der Server hat den Benutzer „%1“ abgewiesen: Prüfen Sie Benutzernamen und App-Passwort.</translation>
    </message>
    <message>
        <source>the server does not allow user &apos;%1&apos; to do this</source>
        <translation>der Server erlaubt dies dem Benutzer „%1“ nicht</translation>
    </message>
    <message>
        <source>the server has nothing at %1</source>
        <translation>der Server hat nichts unter %1</translation>
    </message>
    <message>
        <source>another event in this calendar already has the same UID</source>
        <translation>ein anderer Termin in diesem Kalender hat bereits dieselbe UID</translation>
    </message>
    <message>
        <source>the server refused it as conflicting with what it holds</source>
        <translation>der Server hat es abgelehnt, weil es mit seinem Bestand in Konflikt steht</translation>
    </message>
    <message>
        <source>someone changed it on the server since it was last read</source>
        <translation>jemand hat es auf dem Server geändert, seit es zuletzt gelesen wurde</translation>
    </message>
    <message>
        <source>the server sent it on to %1, which was not followed</source>
        <translation>der Server hat es an %1 weitergeleitet; dem wurde nicht gefolgt</translation>
    </message>
    <message>
        <source>the server answered %1 %2</source>
        <translation>der Server antwortete %1 %2</translation>
    </message>
    <message>
        <source>Could not %1: the server&apos;s answer is not valid CalDAV (%2).</source>
        <translation>Fermata konnte nicht %1: Die Antwort des Servers ist kein gültiges CalDAV (%2).</translation>
    </message>
    <message>
        <source>%1 is not a calendar server address: use an https:// (or http://) link.</source>
        <translation>%1 ist keine Kalenderserver-Adresse: Verwenden Sie einen https://-Link (oder http://).</translation>
    </message>
    <message>
        <source>find the calendars</source>
        <translation>die Kalender suchen</translation>
    </message>
    <message>
        <source>%1 names no calendar home</source>
        <translation>%1 nennt kein Kalender-Stammverzeichnis</translation>
    </message>
    <message>
        <source>No calendar home is known yet: find the calendars first.</source>
        <translation>Es ist noch kein Kalender-Stammverzeichnis bekannt: Suchen Sie zuerst die Kalender.</translation>
    </message>
    <message>
        <source>list the calendars</source>
        <translation>die Kalender auflisten</translation>
    </message>
    <message>
        <source>read the calendar&apos;s events</source>
        <translation>die Termine des Kalenders lesen</translation>
    </message>
    <message>
        <source>sync the calendar</source>
        <translation>den Kalender synchronisieren</translation>
    </message>
    <message>
        <source>it sent no new sync token</source>
        <translation>er hat kein neues Sync-Token gesendet</translation>
    </message>
    <message>
        <source>read the changed events</source>
        <translation>die geänderten Termine lesen</translation>
    </message>
    <message>
        <source>read the event</source>
        <translation>den Termin lesen</translation>
    </message>
    <message>
        <source>read the event&apos;s version</source>
        <translation>die Version des Termins lesen</translation>
    </message>
    <message>
        <source>it reported no ETag</source>
        <translation>er hat kein ETag gemeldet</translation>
    </message>
    <message>
        <source>create the event</source>
        <translation>den Termin anlegen</translation>
    </message>
    <message>
        <source>save the event</source>
        <translation>den Termin speichern</translation>
    </message>
    <message>
        <source>Could not create the event: the server already has one at %1.</source>
        <translation>Der Termin konnte nicht angelegt werden: Der Server hat unter %1 bereits einen.</translation>
    </message>
    <message>
        <source>delete the event</source>
        <translation>den Termin löschen</translation>
    </message>
    <message>
        <source>the answer is not a WebDAV multistatus</source>
        <translation>die Antwort ist kein WebDAV-Multistatus</translation>
    </message>
    <message>
        <source>the answer is not valid XML (line %1: %2)</source>
        <translation>die Antwort ist kein gültiges XML (Zeile %1: %2)</translation>
    </message>
    <message>
        <source>count the events of &quot;%1&quot;</source>
        <translation>die Termine von „%1“ zählen</translation>
    </message>
    <message>
        <source>Fermata could not open %1 (%2).</source>
        <translation>Fermata konnte %1 nicht öffnen (%2).</translation>
    </message>
    <message>
        <source>Choose another calendar name: &quot;%1&quot; is reserved.</source>
        <translation>Wählen Sie einen anderen Kalendernamen: „%1“ ist reserviert.</translation>
    </message>
    <message>
        <source>Fermata could not write %1 (%2).</source>
        <translation>Fermata konnte %1 nicht schreiben (%2).</translation>
    </message>
    <message>
        <source>Give the event a start and an end.</source>
        <translation>Geben Sie dem Termin einen Beginn und ein Ende.</translation>
    </message>
    <message>
        <source>The event ends before it starts: move its end after its start.</source>
        <translation>Der Termin endet, bevor er beginnt: Legen Sie sein Ende nach seinen Beginn.</translation>
    </message>
    <message>
        <source>Buffers around an event cannot be negative.</source>
        <translation>Puffer um einen Termin können nicht negativ sein.</translation>
    </message>
    <message>
        <source>Fermata could not open its data on the import thread.</source>
        <translation>Fermata konnte seine Daten im Import-Thread nicht öffnen.</translation>
    </message>
    <message>
        <source>line %1 is too long</source>
        <translation>Zeile %1 ist zu lang</translation>
    </message>
    <message>
        <source>the event is larger than 4 MB</source>
        <translation>der Termin ist größer als 4 MB</translation>
    </message>
    <message>
        <source>the file ends inside the event</source>
        <translation>die Datei endet mitten im Termin</translation>
    </message>
    <message>
        <source>, skipped %1</source>
        <translation>, %1 übersprungen</translation>
    </message>
    <message>
        <source>, cancelled before the end</source>
        <translation>, vor dem Ende abgebrochen</translation>
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
        <source>the UID &quot;%1&quot;</source>
        <translation>der UID „%1“</translation>
    </message>
    <message>
        <source> and RECURRENCE-ID %1</source>
        <translation> und RECURRENCE-ID %1</translation>
    </message>
    <message>
        <source>: a second event with %1; the first is kept</source>
        <translation>: ein zweiter Termin mit %1; der erste bleibt erhalten</translation>
    </message>
    <message>
        <source>: an older copy of %1 (lower SEQUENCE or earlier DTSTAMP); the copy on line %2 is kept</source>
        <translation>: eine ältere Kopie mit %1 (niedrigere SEQUENCE oder früherer DTSTAMP); die Kopie in Zeile %2 bleibt erhalten</translation>
    </message>
    <message>
        <source>: a newer copy of %1; it replaces the copy on line %2</source>
        <translation>: eine neuere Kopie mit %1; sie ersetzt die Kopie in Zeile %2</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;; read as %2 time</source>
        <translation>unbekannte Zeitzone „%1“; als Zeit in %2 gelesen</translation>
    </message>
    <message>
        <source>DTEND cannot be read</source>
        <translation>DTEND ist nicht lesbar</translation>
    </message>
    <message>
        <source>DTEND is before DTSTART</source>
        <translation>DTEND liegt vor DTSTART</translation>
    </message>
    <message>
        <source>DURATION is negative</source>
        <translation>DURATION ist negativ</translation>
    </message>
    <message>
        <source>DURATION is longer than ten years</source>
        <translation>DURATION ist länger als zehn Jahre</translation>
    </message>
    <message>
        <source>an RRULE cannot be read; only its first date is used</source>
        <translation>eine RRULE ist nicht lesbar; nur ihr erstes Datum wird verwendet</translation>
    </message>
    <message>
        <source>an RRULE never occurs (e.g. February 30); only its first date is used</source>
        <translation>eine RRULE tritt nie ein (z. B. 30. Februar); nur ihr erstes Datum wird verwendet</translation>
    </message>
    <message>
        <source>an RRULE is not valid; only its first date is used</source>
        <translation>eine RRULE ist ungültig; nur ihr erstes Datum wird verwendet</translation>
    </message>
    <message>
        <source>an RDATE cannot be read</source>
        <translation>ein RDATE ist nicht lesbar</translation>
    </message>
    <message>
        <source>: no UID; identified by its content</source>
        <translation>: keine UID; am Inhalt erkannt</translation>
    </message>
    <message>
        <source>the event cannot be read</source>
        <translation>der Termin ist nicht lesbar</translation>
    </message>
    <message>
        <source>DTSTART cannot be read</source>
        <translation>DTSTART ist nicht lesbar</translation>
    </message>
    <message>
        <source>DTSTART missing</source>
        <translation>DTSTART fehlt</translation>
    </message>
    <message>
        <source>RECURRENCE-ID cannot be read</source>
        <translation>RECURRENCE-ID ist nicht lesbar</translation>
    </message>
    <message>
        <source>: RRULE not understood, left out</source>
        <translation>: RRULE nicht verstanden, ausgelassen</translation>
    </message>
    <message>
        <source>: RRULE not understood, imported as a single event</source>
        <translation>: RRULE nicht verstanden, als Einzeltermin importiert</translation>
    </message>
    <message>
        <source>The calendar cannot be read.</source>
        <translation>Der Kalender ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The calendar cannot be re-read.</source>
        <translation>Der Kalender kann nicht erneut gelesen werden.</translation>
    </message>
    <message>
        <source>The events could not be saved (stopped at line %1).</source>
        <translation>Die Termine konnten nicht gespeichert werden (abgebrochen bei Zeile %1).</translation>
    </message>
    <message>
        <source>The events could not be saved.</source>
        <translation>Die Termine konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Fermata could not create %1.</source>
        <translation>Fermata konnte %1 nicht anlegen.</translation>
    </message>
    <message>
        <source>Fermata could not keep a copy of %1 in %2.</source>
        <translation>Fermata konnte keine Kopie von %1 in %2 ablegen.</translation>
    </message>
    <message>
        <source>%1: unchanged on the server (%2 occurrences)</source>
        <translation>%1: auf dem Server unverändert (%2 Vorkommen)</translation>
    </message>
    <message>
        <source>still showing the copy from %1</source>
        <translation>zeigt weiterhin die Kopie vom %1</translation>
    </message>
    <message>
        <source>no copy yet</source>
        <translation>noch keine Kopie</translation>
    </message>
    <message>
        <source>%1: could not refresh (%2); %3</source>
        <translation>%1: Aktualisierung fehlgeschlagen (%2); %3</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>der Server hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the server was not found</source>
        <translation>der Server wurde nicht gefunden</translation>
    </message>
    <message>
        <source>the secure connection failed</source>
        <translation>die sichere Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>zu viele Weiterleitungen</translation>
    </message>
    <message>
        <source>it redirected from https to plain http</source>
        <translation>es wurde von https auf unverschlüsseltes http weitergeleitet</translation>
    </message>
    <message>
        <source>the server wants a user name and password</source>
        <translation>der Server verlangt Benutzernamen und Passwort</translation>
    </message>
    <message>
        <source>the address is not http or https</source>
        <translation>die Adresse ist weder http noch https</translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation>Netzwerkfehler %1</translation>
    </message>
    <message>
        <source>%1 is not a calendar address: use an https://, http:// or webcal:// link.</source>
        <translation>%1 ist keine Kalenderadresse: Verwenden Sie einen https://-, http://- oder webcal://-Link.</translation>
    </message>
    <message>
        <source>Choose another name for the calendar.</source>
        <translation>Wählen Sie einen anderen Namen für den Kalender.</translation>
    </message>
    <message>
        <source>There is no calendar named &quot;%1&quot;.</source>
        <translation>Es gibt keinen Kalender namens „%1“.</translation>
    </message>
    <message>
        <source>the cache folder %1 cannot be written</source>
        <translation>in den Cache-Ordner %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the calendar is larger than %1 MB</source>
        <translation>der Kalender ist größer als %1 MB</translation>
    </message>
    <message>
        <source>the copy could not be saved (%1)</source>
        <translation>die Kopie konnte nicht gespeichert werden (%1)</translation>
    </message>
    <message>
        <source>the address did not return a calendar: %1</source>
        <translation>die Adresse hat keinen Kalender geliefert: %1</translation>
    </message>
    <message>
        <source>the cached copy cannot be read: %1</source>
        <translation>die zwischengespeicherte Kopie ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1 event</source>
        <translation>%1 Termin</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Termine</translation>
    </message>
    <message>
        <source>%1 occurrence</source>
        <translation>%1 Vorkommen</translation>
    </message>
    <message>
        <source>%1 occurrences</source>
        <translation>%1 Vorkommen</translation>
    </message>
    <message>
        <source>imported %1 (%2)</source>
        <translation>%1 importiert (%2)</translation>
    </message>
    <message>
        <source>This is not an iCalendar file: it has no BEGIN:VCALENDAR.</source>
        <translation>Dies ist keine iCalendar-Datei: Sie hat kein BEGIN:VCALENDAR.</translation>
    </message>
</context>
<context>
    <name>fermata::DayStatus</name>
    <message>
        <source>%1 tomorrow</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Focus until %1</source>
        <translation>Fokus bis %1</translation>
    </message>
    <message>
        <source>Working until %1</source>
        <translation>Arbeit bis %1</translation>
    </message>
    <message>
        <source>%1 · next focus %2</source>
        <translation>%1 · nächster Fokus %2</translation>
    </message>
    <message>
        <source>Day off · starts %1</source>
        <translation>Freier Tag · Beginn %1</translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation>Beginn %1</translation>
    </message>
    <message>
        <source>No working hours set</source>
        <translation>Keine Arbeitszeiten festgelegt</translation>
    </message>
</context>
<context>
    <name>fermata::Insights</name>
    <message>
        <source>find the longest focus session</source>
        <translation>die längste Fokussitzung suchen</translation>
    </message>
    <message>
        <source>find the running focus session</source>
        <translation>die laufende Fokussitzung suchen</translation>
    </message>
    <message>
        <source>sum the focus time per day</source>
        <translation>die Fokuszeit pro Tag summieren</translation>
    </message>
    <message>
        <source>count the focus blocks per day</source>
        <translation>die Fokusblöcke pro Tag zählen</translation>
    </message>
    <message>
        <source>read the interruptions</source>
        <translation>die Unterbrechungen lesen</translation>
    </message>
    <message>
        <source>count the focus sessions</source>
        <translation>die Fokussitzungen zählen</translation>
    </message>
    <message>
        <source>count the notifications per source</source>
        <translation>die Benachrichtigungen pro Quelle zählen</translation>
    </message>
    <message>
        <source>compare estimates per tag</source>
        <translation>Schätzungen pro Schlagwort vergleichen</translation>
    </message>
    <message>
        <source>the range must end on or after the day it starts</source>
        <translation>der Zeitraum muss am Tag seines Beginns oder danach enden</translation>
    </message>
    <message>
        <source>the range can span at most %1 days</source>
        <translation>der Zeitraum darf höchstens %1 Tage umfassen</translation>
    </message>
    <message>
        <source>the time zone is not known</source>
        <translation>die Zeitzone ist unbekannt</translation>
    </message>
    <message>
        <source>count the early peeks</source>
        <translation>die vorzeitigen Blicke zählen</translation>
    </message>
    <message>
        <source>count the urgent messages sent</source>
        <translation>die gesendeten dringenden Nachrichten zählen</translation>
    </message>
    <message>
        <source>from VIPs</source>
        <translation>von VIPs</translation>
    </message>
    <message>
        <source>marked critical</source>
        <translation>als kritisch markiert</translation>
    </message>
    <message>
        <source>matching a keyword</source>
        <translation>mit passendem Stichwort</translation>
    </message>
    <message>
        <source>from always-allowed sources</source>
        <translation>von immer erlaubten Quellen</translation>
    </message>
    <message>
        <source>inside a check-in window</source>
        <translation>in einem Check-in-Fenster</translation>
    </message>
    <message>
        <source>teammates&apos; messages</source>
        <translation>Nachrichten von Teammitgliedern</translation>
    </message>
    <message>
        <source>teammates&apos; commitments</source>
        <translation>Zusagen von Teammitgliedern</translation>
    </message>
    <message>
        <source>by the rule “%1”</source>
        <translation>durch die Regel „%1“</translation>
    </message>
    <message>
        <source>No focus time was recorded in these days.</source>
        <translation>In diesen Tagen wurde keine Fokuszeit erfasst.</translation>
    </message>
    <message>
        <source>You focused %1 over %2; %3 had the most (%4).</source>
        <translation>Sie haben %1 über %2 fokussiert; %3 hatte am meisten (%4).</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>You had %1 with a %2 unbroken stretch</source>
        <translation>Sie hatten %1 mit einer ununterbrochenen Strecke von %2</translation>
    </message>
    <message>
        <source>%1; %2&apos;s longest was %3 — %4 of meetings.</source>
        <translation>%1; die längste am %2 dauerte %3 — bei %4 Terminen.</translation>
    </message>
    <message>
        <source>No focus blocks were planned in these days.</source>
        <translation>In diesen Tagen waren keine Fokusblöcke geplant.</translation>
    </message>
    <message>
        <source>focus block</source>
        <translation>Fokusblock</translation>
    </message>
    <message>
        <source>focus blocks</source>
        <translation>Fokusblöcke</translation>
    </message>
    <message>
        <source>Of %1 planned, you worked %2 and dropped %3; %4 was moved.</source>
        <translation>%1 geplant: %2 bearbeitet, %3 verworfen; %4 wurde verschoben.</translation>
    </message>
    <message>
        <source>Of %1 planned, you worked %2 and dropped %3; %4 were moved.</source>
        <translation>%1 geplant: %2 bearbeitet, %3 verworfen; %4 wurden verschoben.</translation>
    </message>
    <message>
        <source>Fermata held %1 and let %2 through</source>
        <translation>Fermata hat %1 zurückgehalten und %2 durchgelassen</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>; you peeked early %1 and sent %2.</source>
        <translation>; Sie haben %1 vorzeitig hineingesehen und %2 gesendet.</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>times</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>urgent message</source>
        <translation>dringende Nachricht</translation>
    </message>
    <message>
        <source>urgent messages</source>
        <translation>dringende Nachrichten</translation>
    </message>
    <message>
        <source>Meetings took %1 and focus %2</source>
        <translation>Termine nahmen %1 ein, Fokus %2</translation>
    </message>
    <message>
        <source>; %1 of %2 had more meetings than focus.</source>
        <translation>; in %1 von %2 gab es mehr Termine als Fokus.</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>No tagged task with an estimate was finished with focus time in these days.</source>
        <translation>In diesen Tagen wurde keine Aufgabe mit Schlagwort und Schätzung mit Fokuszeit abgeschlossen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; tasks took %2 their estimates (%3 against %4 over %5).</source>
        <translation>Aufgaben mit „%1“ brauchten das %2 ihrer Schätzung (%3 statt %4 bei %5).</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
</context>
<context>
    <name>fermata::Messaging</name>
    <message>
        <source>Delivered now</source>
        <translation>Sofort zugestellt</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Zugestellt %1</translation>
    </message>
    <message>
        <source>Delivered %1 (their %2)</source>
        <translation>Zugestellt %1 (dort %2)</translation>
    </message>
    <message>
        <source>A message needs an identifier before it is saved.</source>
        <translation>Eine Nachricht braucht eine Kennung, bevor sie gespeichert wird.</translation>
    </message>
    <message>
        <source>save the message &quot;%1&quot;</source>
        <translation>die Nachricht „%1“ speichern</translation>
    </message>
    <message>
        <source>read a message</source>
        <translation>eine Nachricht lesen</translation>
    </message>
    <message>
        <source>read messages</source>
        <translation>Nachrichten lesen</translation>
    </message>
    <message>
        <source>This Fermata has not joined a team hub yet: run fermata hub join --url URL --user USER.</source>
        <translation>Dieses Fermata ist noch keinem Team-Hub beigetreten: Führen Sie fermata hub join --url URL --user USER aus.</translation>
    </message>
    <message>
        <source>No password for the team hub is stored on this machine; join again with a new one-time password.</source>
        <translation>Auf diesem Rechner ist kein Passwort für den Team-Hub gespeichert; treten Sie mit einem neuen Einmalpasswort erneut bei.</translation>
    </message>
    <message>
        <source>1 message waiting to sync</source>
        <translation>1 Nachricht wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>%1 messages waiting to sync</source>
        <translation>%1 Nachrichten warten auf Synchronisierung</translation>
    </message>
    <message>
        <source>Team hub unreachable — %1</source>
        <translation>Team-Hub nicht erreichbar — %1</translation>
    </message>
    <message>
        <source>Team hub unreachable</source>
        <translation>Team-Hub nicht erreichbar</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an active member of your team.</source>
        <translation>„%1“ ist kein aktives Mitglied Ihres Teams.</translation>
    </message>
    <message>
        <source>Join a team hub to send messages to teammates.</source>
        <translation>Treten Sie einem Team-Hub bei, um Teammitgliedern Nachrichten zu senden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in your team.</source>
        <translation>„%1“ ist nicht in Ihrem Team.</translation>
    </message>
    <message>
        <source>There is no such message in your outbox.</source>
        <translation>Diese Nachricht gibt es in Ihrem Postausgang nicht.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was already released; it can no longer be %2.</source>
        <translation>„%1“ wurde bereits freigegeben und kann nicht mehr %2 werden.</translation>
    </message>
    <message>
        <source>There is no such received message.</source>
        <translation>Diese empfangene Nachricht gibt es nicht.</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
</context>
<context>
    <name>fermata::Model</name>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
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
        <source>planned</source>
        <translation>geplant</translation>
    </message>
</context>
<context>
    <name>fermata::Planning</name>
    <message>
        <source>%1 is blocked by &apos;%2&apos; (all day)</source>
        <translation>%1 ist durch „%2“ belegt (ganztägig)</translation>
    </message>
    <message>
        <source>%1 more days are blocked</source>
        <translation>%1 weitere Tage sind belegt</translation>
    </message>
    <message>
        <source>its deadline has passed — set a new deadline to plan it</source>
        <translation>ihre Frist ist verstrichen — setzen Sie eine neue Frist, um sie zu planen</translation>
    </message>
    <message>
        <source>before %1</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>in the planned period</source>
        <translation>im geplanten Zeitraum</translation>
    </message>
    <message>
        <source>needs %1 %2</source>
        <translation>braucht %1 %2</translation>
    </message>
    <message>
        <source>%1; only %2 free — %3; move the deadline or add working hours</source>
        <translation>%1; nur %2 frei — %3; verschieben Sie die Frist oder fügen Sie Arbeitszeit hinzu</translation>
    </message>
    <message>
        <source>move the &apos;%1&apos; meeting or the deadline</source>
        <translation>verschieben Sie den Termin „%1“ oder die Frist</translation>
    </message>
    <message>
        <source>move the deadline or add working hours</source>
        <translation>verschieben Sie die Frist oder fügen Sie Arbeitszeit hinzu</translation>
    </message>
    <message>
        <source>%1; only %2 free — %3</source>
        <translation>%1; nur %2 frei — %3</translation>
    </message>
    <message>
        <source>%1; the %2 free there go to work as or more important (%3) — raise its priority or move the deadline</source>
        <translation>%1; die %2, die dort frei sind, gehen an gleich wichtige oder wichtigere Arbeit (%3) — erhöhen Sie ihre Priorität oder verschieben Sie die Frist</translation>
    </message>
    <message>
        <source>%1; no free stretch of at least %2 is left — allow shorter blocks or move the deadline</source>
        <translation>%1; es bleibt keine freie Strecke von mindestens %2 — erlauben Sie kürzere Blöcke oder verschieben Sie die Frist</translation>
    </message>
    <message>
        <source>cannot be planned</source>
        <translation>kann nicht geplant werden</translation>
    </message>
    <message>
        <source>waits for %1, which cannot be planned yet</source>
        <translation>wartet auf %1, die noch nicht geplant werden kann</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>its deadline %1 comes first — move the deadline or ask your teammate to finish sooner</source>
        <translation>ihre Frist %1 kommt zuerst — verschieben Sie die Frist oder bitten Sie Ihr Teammitglied, früher fertig zu werden</translation>
    </message>
    <message>
        <source>finishes %1, after its deadline %2 — %3</source>
        <translation>wird %1 fertig, nach ihrer Frist %2 — %3</translation>
    </message>
    <message>
        <source>%1 of %2 planned; </source>
        <translation>%1 von %2 geplant; </translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>Text erwartet</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>expected an ISO 8601 instant with Z or an offset, found &quot;%1&quot;</source>
        <translation>Zeitpunkt nach ISO 8601 mit Z oder Versatz erwartet, gefunden &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected days 1 (Monday) to 7 (Sunday)</source>
        <translation>Tage 1 (Montag) bis 7 (Sonntag) erwartet</translation>
    </message>
    <message>
        <source>start and end must be times like &quot;09:00&quot;</source>
        <translation>Beginn und Ende müssen Uhrzeiten wie &quot;09:00&quot; sein</translation>
    </message>
    <message>
        <source>expected a task id</source>
        <translation>Aufgaben-ID erwartet</translation>
    </message>
    <message>
        <source>expected a commitment uuid</source>
        <translation>UUID einer Zusage erwartet</translation>
    </message>
    <message>
        <source>expected a uuid</source>
        <translation>UUID erwartet</translation>
    </message>
    <message>
        <source>expected a date like &quot;2024-03-05&quot;</source>
        <translation>Datum wie &quot;2024-03-05&quot; erwartet</translation>
    </message>
    <message>
        <source>unknown time zone</source>
        <translation>unbekannte Zeitzone</translation>
    </message>
    <message>
        <source>the request is not valid JSON: %1 at offset %2</source>
        <translation>die Anfrage ist kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>the request: expected a JSON object at the top</source>
        <translation>die Anfrage: JSON-Objekt auf oberster Ebene erwartet</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>unbekannte Zeitzone &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected end after start, at most two years</source>
        <translation>Ende nach dem Beginn erwartet, höchstens zwei Jahre</translation>
    </message>
    <message>
        <source>its teammate&apos;s commitment is no longer shared; it does not wait</source>
        <translation>die Zusage des Teammitglieds wird nicht mehr geteilt; sie wartet nicht</translation>
    </message>
    <message>
        <source>%1&apos;s &apos;%2&apos;</source>
        <translation>„%2“ von %1</translation>
    </message>
    <message>
        <source>%1 is done</source>
        <translation>%1 ist erledigt</translation>
    </message>
    <message>
        <source>%1 dropped &apos;%2&apos;; it no longer waits for it</source>
        <translation>%1 hat „%2“ verworfen; sie wartet nicht mehr darauf</translation>
    </message>
    <message>
        <source>waits for %1, planned to finish %2</source>
        <translation>wartet auf %1, geplant bis %2</translation>
    </message>
    <message>
        <source>waits for %1, not planned yet, due %2 %3</source>
        <translation>wartet auf %1, noch nicht geplant, fällig %2 %3</translation>
    </message>
    <message>
        <source>after %1, which has no date yet; it does not wait</source>
        <translation>nach %1 (noch ohne Datum); sie wartet nicht</translation>
    </message>
    <message>
        <source>the period to plan has already passed</source>
        <translation>der zu planende Zeitraum ist bereits vorbei</translation>
    </message>
    <message>
        <source>there is no plan to undo</source>
        <translation>es gibt keinen Plan zum Rückgängigmachen</translation>
    </message>
    <message>
        <source>there is no plan to redo</source>
        <translation>es gibt keinen Plan zum Wiederherstellen</translation>
    </message>
    <message>
        <source>%1, no deadline</source>
        <translation>%1, keine Frist</translation>
    </message>
    <message>
        <source>the focus block no longer exists</source>
        <translation>der Fokusblock existiert nicht mehr</translation>
    </message>
    <message>
        <source>a focus block must end after it starts</source>
        <translation>ein Fokusblock muss nach seinem Beginn enden</translation>
    </message>
    <message>
        <source>the task no longer exists</source>
        <translation>die Aufgabe existiert nicht mehr</translation>
    </message>
    <message>
        <source>“%1” is not a date</source>
        <translation>„%1“ ist kein Datum</translation>
    </message>
    <message>
        <source>Nobody called %1 shares a commitment — &apos;fermata hub commitments&apos; lists them.</source>
        <translation>Niemand namens %1 teilt eine Zusage — &apos;fermata hub commitments&apos; listet sie auf.</translation>
    </message>
    <message>
        <source>%1 shares no commitment called &apos;%2&apos; — &apos;fermata hub commitments&apos; lists them.</source>
        <translation>%1 teilt keine Zusage namens „%2“ — &apos;fermata hub commitments&apos; listet sie auf.</translation>
    </message>
    <message>
        <source>%1 shares %2 commitments starting &apos;%3&apos; — write more of the title.</source>
        <translation>%1 teilt %2 Zusagen, die mit „%3“ beginnen — schreiben Sie mehr vom Titel.</translation>
    </message>
    <message>
        <source>The task needs a title, e.g. “Write report 2h by fri”.</source>
        <translation>Die Aufgabe braucht einen Titel, z. B. „Write report 2h by fri“.</translation>
    </message>
    <message>
        <source>The deadline is not after the start date.</source>
        <translation>Die Frist liegt nicht nach dem Startdatum.</translation>
    </message>
    <message>
        <source>there are no working hours in the planned period</source>
        <translation>im geplanten Zeitraum gibt es keine Arbeitszeiten</translation>
    </message>
    <message>
        <source>the deadline (%1) is not after the earliest start (%2)</source>
        <translation>die Frist (%1) liegt nicht nach dem frühesten Beginn (%2)</translation>
    </message>
    <message>
        <source>the minimum block (%1) is longer than the maximum block (%2)</source>
        <translation>der kürzeste Block (%1) ist länger als der längste Block (%2)</translation>
    </message>
    <message>
        <source>the task id appears twice</source>
        <translation>die Aufgaben-ID kommt zweimal vor</translation>
    </message>
    <message>
        <source>depends on task %1, which does not exist</source>
        <translation>hängt von Aufgabe %1 ab, die es nicht gibt</translation>
    </message>
    <message>
        <source>dependency cycle: %1</source>
        <translation>zyklische Abhängigkeit: %1</translation>
    </message>
    <message>
        <source>the estimate is negative (%1 min)</source>
        <translation>die Schätzung ist negativ (%1 min)</translation>
    </message>
    <message>
        <source>cannot be split, but its %1 are longer than the longest allowed block (%2)</source>
        <translation>kann nicht geteilt werden, aber ihre %1 sind länger als der längste erlaubte Block (%2)</translation>
    </message>
    <message>
        <source>late — deadline %1, %2</source>
        <translation>verspätet — Frist %1, %2</translation>
    </message>
    <message>
        <source>deadline %1, %2</source>
        <translation>Frist %1, %2</translation>
    </message>
    <message>
        <source>the planned blocks kept changing while planning (another Fermata is planning the same days); try again</source>
        <translation>die geplanten Blöcke haben sich während der Planung immer wieder geändert (ein anderes Fermata plant dieselben Tage); bitte noch einmal versuchen</translation>
    </message>
</context>
<context>
    <name>fermata::Storage</name>
    <message>
        <source>hold notifications</source>
        <translation>Benachrichtigungen zurückhalten</translation>
    </message>
    <message>
        <source>Fermata could not hold the notification &quot;%1&quot; in %2.</source>
        <translation>Fermata konnte die Benachrichtigung „%1“ in %2 nicht zurückhalten.</translation>
    </message>
    <message>
        <source>look up notifications</source>
        <translation>Benachrichtigungen nachschlagen</translation>
    </message>
    <message>
        <source>look up a held notification</source>
        <translation>eine zurückgehaltene Benachrichtigung nachschlagen</translation>
    </message>
    <message>
        <source>update a held notification</source>
        <translation>eine zurückgehaltene Benachrichtigung aktualisieren</translation>
    </message>
    <message>
        <source>Notification %1 is no longer held.</source>
        <translation>Benachrichtigung %1 wird nicht mehr zurückgehalten.</translation>
    </message>
    <message>
        <source>release held notifications</source>
        <translation>zurückgehaltene Benachrichtigungen freigeben</translation>
    </message>
    <message>
        <source>update a notification</source>
        <translation>eine Benachrichtigung aktualisieren</translation>
    </message>
    <message>
        <source>The notification no longer exists.</source>
        <translation>Die Benachrichtigung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>read notifications</source>
        <translation>Benachrichtigungen lesen</translation>
    </message>
    <message>
        <source>count held notifications</source>
        <translation>zurückgehaltene Benachrichtigungen zählen</translation>
    </message>
    <message>
        <source>count break-throughs</source>
        <translation>Durchbrüche zählen</translation>
    </message>
    <message>
        <source>remove old notifications</source>
        <translation>alte Benachrichtigungen entfernen</translation>
    </message>
    <message>
        <source>read the setting %1</source>
        <translation>die Einstellung %1 lesen</translation>
    </message>
    <message>
        <source>save the setting %1</source>
        <translation>die Einstellung %1 speichern</translation>
    </message>
    <message>
        <source>remove the setting %1</source>
        <translation>die Einstellung %1 entfernen</translation>
    </message>
    <message>
        <source>count an event</source>
        <translation>ein Ereignis zählen</translation>
    </message>
    <message>
        <source>count events</source>
        <translation>Ereignisse zählen</translation>
    </message>
    <message>
        <source>record a focus session</source>
        <translation>eine Fokussitzung erfassen</translation>
    </message>
    <message>
        <source>The focus session no longer exists.</source>
        <translation>Die Fokussitzung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>read focus sessions</source>
        <translation>Fokussitzungen lesen</translation>
    </message>
    <message>
        <source>sum focus minutes</source>
        <translation>Fokusminuten summieren</translation>
    </message>
    <message>
        <source>read calendar events</source>
        <translation>Kalendertermine lesen</translation>
    </message>
    <message>
        <source>save the event</source>
        <translation>den Termin speichern</translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; no longer exists.</source>
        <translation>Der Termin „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>save the event &quot;%1&quot;</source>
        <translation>den Termin „%1“ speichern</translation>
    </message>
    <message>
        <source>This is one occurrence of a recurring event from another calendar: change it in that calendar.</source>
        <translation>Dies ist ein Vorkommen eines wiederkehrenden Termins aus einem anderen Kalender: Ändern Sie ihn in jenem Kalender.</translation>
    </message>
    <message>
        <source>delete an event</source>
        <translation>einen Termin löschen</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>Der Termin existiert nicht mehr.</translation>
    </message>
    <message>
        <source>read recurring events</source>
        <translation>wiederkehrende Termine lesen</translation>
    </message>
    <message>
        <source>read the calendar &quot;%1&quot;</source>
        <translation>den Kalender „%1“ lesen</translation>
    </message>
    <message>
        <source>read the events of &quot;%1&quot;</source>
        <translation>die Termine von „%1“ lesen</translation>
    </message>
    <message>
        <source>save the events of &quot;%1&quot;</source>
        <translation>die Termine von „%1“ speichern</translation>
    </message>
    <message>
        <source>save the time zones of &quot;%1&quot;</source>
        <translation>die Zeitzonen von „%1“ speichern</translation>
    </message>
    <message>
        <source>delete an event of &quot;%1&quot;</source>
        <translation>einen Termin von „%1“ löschen</translation>
    </message>
    <message>
        <source>keep the buffers of an event of &quot;%1&quot;</source>
        <translation>die Puffer eines Termins von „%1“ behalten</translation>
    </message>
    <message>
        <source>save the check-in window &quot;%1&quot;</source>
        <translation>das Check-in-Fenster „%1“ speichern</translation>
    </message>
    <message>
        <source>The check-in window &quot;%1&quot; no longer exists.</source>
        <translation>Das Check-in-Fenster „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>delete a check-in window</source>
        <translation>ein Check-in-Fenster löschen</translation>
    </message>
    <message>
        <source>The check-in window no longer exists.</source>
        <translation>Das Check-in-Fenster existiert nicht mehr.</translation>
    </message>
    <message>
        <source>read check-in windows</source>
        <translation>Check-in-Fenster lesen</translation>
    </message>
    <message>
        <source>Fermata could not create the folder %1 for %2. Check that you may write there, or start Fermata with --data-dir pointing at another folder.</source>
        <translation>Fermata konnte den Ordner %1 für %2 nicht anlegen. Prüfen Sie, ob Sie dort schreiben dürfen, oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.</translation>
    </message>
    <message>
        <source>set up the connection</source>
        <translation>die Verbindung einrichten</translation>
    </message>
    <message>
        <source>Fermata could not switch %1 to write-ahead logging (the journal mode stayed &quot;%2&quot;). Move the file to a local disk or start Fermata with --data-dir pointing at another folder.</source>
        <translation>Fermata konnte %1 nicht auf Write-Ahead-Logging umstellen (der Journalmodus blieb &quot;%2&quot;). Verschieben Sie die Datei auf ein lokales Laufwerk oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.</translation>
    </message>
    <message>
        <source>Fermata cannot open %1: the Qt SQLite driver (QSQLITE) is not installed. Reinstall Fermata.</source>
        <translation>Fermata kann %1 nicht öffnen: Der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert. Installieren Sie Fermata neu.</translation>
    </message>
    <message>
        <source>Fermata could not open %1: it is a folder. Move it away, or start Fermata with --data-dir pointing at another folder.</source>
        <translation>Fermata konnte %1 nicht öffnen: Es ist ein Ordner. Verschieben Sie ihn oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.</translation>
    </message>
    <message>
        <source>it is empty, 0 bytes</source>
        <translation>sie ist leer, 0 Byte</translation>
    </message>
    <message>
        <source>the data format version is unreadable</source>
        <translation>die Version des Datenformats ist nicht lesbar</translation>
    </message>
    <message>
        <source>save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Fermata could not open %1 (%2). Check that you may read and write there, or start Fermata with --data-dir pointing at another folder.</source>
        <translation>Fermata konnte %1 nicht öffnen (%2). Prüfen Sie, ob Sie dort lesen und schreiben dürfen, oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>kein Ergebnis</translation>
    </message>
    <message>
        <source>it is not a SQLite database, or its header is damaged</source>
        <translation>sie ist keine SQLite-Datenbank, oder ihr Kopf ist beschädigt</translation>
    </message>
    <message>
        <source>it belongs to another program: its application id is 0x%1</source>
        <translation>sie gehört einem anderen Programm: ihre Anwendungs-ID ist 0x%1</translation>
    </message>
    <message>
        <source>it is an empty SQLite database that Fermata did not make</source>
        <translation>sie ist eine leere SQLite-Datenbank, die nicht von Fermata stammt</translation>
    </message>
    <message>
        <source>it is another program&apos;s SQLite database, with the tables %1%2</source>
        <translation>sie ist die SQLite-Datenbank eines anderen Programms, mit den Tabellen %1%2</translation>
    </message>
    <message>
        <source>%1 is not a Fermata database (%2). Fermata left it untouched: move it away, or start Fermata with --data-dir pointing at another folder.</source>
        <translation>%1 ist keine Fermata-Datenbank (%2). Fermata hat sie nicht angetastet: Verschieben Sie sie oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.</translation>
    </message>
    <message>
        <source>%1 is damaged (integrity check: %2). Fermata left it untouched: restore it from a backup or move it away.</source>
        <translation>%1 ist beschädigt (Integritätsprüfung: %2). Fermata hat sie nicht angetastet: Stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie.</translation>
    </message>
    <message>
        <source>Fermata cannot write to %1: the disk or folder holding it is read-only. Nothing was changed. Make it writable (or mount the disk read-write), or start Fermata with --data-dir pointing at another folder.</source>
        <translation>Fermata kann nicht in %1 schreiben: Das Laufwerk oder der Ordner ist schreibgeschützt. Es wurde nichts geändert. Machen Sie es beschreibbar (oder hängen Sie das Laufwerk les- und schreibbar ein) oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Nothing was changed and the saved data is intact. Free some space on that disk and try again, or start Fermata with --data-dir pointing at another folder.</source>
        <translation>Das Laufwerk mit %1 ist voll. Es wurde nichts geändert, und die gespeicherten Daten sind unversehrt. Schaffen Sie Platz auf diesem Laufwerk und versuchen Sie es erneut, oder starten Sie Fermata mit --data-dir und einem anderen Datenordner.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Fermata (data format %2; this version reads up to %3). Fermata left it untouched: update Fermata to open it.</source>
        <translation>%1 wurde von einem neueren Fermata geschrieben (Datenformat %2; diese Version liest bis %3). Fermata hat sie nicht angetastet: Aktualisieren Sie Fermata, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>Fermata could not %1 in %2 (%3).</source>
        <translation>Fermata konnte in %2 nicht %1 (%3).</translation>
    </message>
    <message>
        <source>create the database</source>
        <translation>die Datenbank anlegen</translation>
    </message>
    <message>
        <source>read focus blocks</source>
        <translation>Fokusblöcke lesen</translation>
    </message>
    <message>
        <source>save a focus block</source>
        <translation>einen Fokusblock speichern</translation>
    </message>
    <message>
        <source>The focus block no longer exists.</source>
        <translation>Der Fokusblock existiert nicht mehr.</translation>
    </message>
    <message>
        <source>delete a focus block</source>
        <translation>einen Fokusblock löschen</translation>
    </message>
    <message>
        <source>read calendar subscriptions</source>
        <translation>Kalenderabonnements lesen</translation>
    </message>
    <message>
        <source>save the calendar &quot;%1&quot;</source>
        <translation>den Kalender „%1“ speichern</translation>
    </message>
    <message>
        <source>A calendar named &quot;%1&quot; already exists.</source>
        <translation>Ein Kalender namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The calendar &quot;%1&quot; no longer exists.</source>
        <translation>Der Kalender „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The calendar no longer exists.</source>
        <translation>Der Kalender existiert nicht mehr.</translation>
    </message>
    <message>
        <source>remove the calendar &quot;%1&quot;</source>
        <translation>den Kalender „%1“ entfernen</translation>
    </message>
    <message>
        <source>save the task &quot;%1&quot;</source>
        <translation>die Aufgabe „%1“ speichern</translation>
    </message>
    <message>
        <source>read tasks</source>
        <translation>Aufgaben lesen</translation>
    </message>
    <message>
        <source>The task &quot;%1&quot; no longer exists.</source>
        <translation>Die Aufgabe „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>delete a task</source>
        <translation>eine Aufgabe löschen</translation>
    </message>
    <message>
        <source>The task no longer exists.</source>
        <translation>Die Aufgabe existiert nicht mehr.</translation>
    </message>
    <message>
        <source>read a task</source>
        <translation>eine Aufgabe lesen</translation>
    </message>
    <message>
        <source>read your team&apos;s commitments</source>
        <translation>die Zusagen Ihres Teams lesen</translation>
    </message>
    <message>
        <source>No shared commitment &apos;%1&apos; — &apos;fermata hub commitments&apos; lists them.</source>
        <translation>Keine geteilte Zusage „%1“ — &apos;fermata hub commitments&apos; listet sie auf.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; matches %2 shared commitments — give more of the id (&apos;fermata hub commitments --json&apos; shows them).</source>
        <translation>„%1“ passt auf %2 geteilte Zusagen — geben Sie mehr von der ID an (&apos;fermata hub commitments --json&apos; zeigt sie).</translation>
    </message>
    <message>
        <source>read who waits for your team&apos;s commitments</source>
        <translation>lesen, wer auf die Zusagen Ihres Teams wartet</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öffnen</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>check</source>
        <translation>prüfen</translation>
    </message>
    <message>
        <source>upgrade the data format to version %1</source>
        <translation>das Datenformat auf Version %1 aktualisieren</translation>
    </message>
</context>
<context>
    <name>fermata::Tasks</name>
    <message>
        <source>planned as %1 %2</source>
        <translation>geplant mit %1 %2</translation>
    </message>
    <message>
        <source>read finished tasks&apos; times</source>
        <translation>die Zeiten erledigter Aufgaben lesen</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>Geben Sie der Aufgabe einen Titel.</translation>
    </message>
    <message>
        <source>Estimate the task at one minute or more.</source>
        <translation>Schätzen Sie die Aufgabe auf eine Minute oder mehr.</translation>
    </message>
    <message>
        <source>The remaining time cannot be negative.</source>
        <translation>Die verbleibende Zeit kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>The remaining time (%1 min) is longer than the estimate (%2 min): raise the estimate.</source>
        <translation>Die verbleibende Zeit (%1 min) ist länger als die Schätzung (%2 min): Erhöhen Sie die Schätzung.</translation>
    </message>
    <message>
        <source>The minimum block must be one minute or more.</source>
        <translation>Der kürzeste Block muss eine Minute oder mehr sein.</translation>
    </message>
    <message>
        <source>The minimum block (%1 min) is longer than the maximum block (%2 min).</source>
        <translation>Der kürzeste Block (%1 min) ist länger als der längste Block (%2 min).</translation>
    </message>
    <message>
        <source>Choose a priority from P1 to P4.</source>
        <translation>Wählen Sie eine Priorität von P1 bis P4.</translation>
    </message>
    <message>
        <source>The deadline is before the earliest start: move one of them.</source>
        <translation>Die Frist liegt vor dem frühesten Beginn: Verschieben Sie eines von beiden.</translation>
    </message>
    <message>
        <source>A task cannot wait for itself.</source>
        <translation>Eine Aufgabe kann nicht auf sich selbst warten.</translation>
    </message>
    <message>
        <source>The task waits for a task that no longer exists.</source>
        <translation>Die Aufgabe wartet auf eine Aufgabe, die es nicht mehr gibt.</translation>
    </message>
    <message>
        <source>The task &quot;%1&quot; no longer exists.</source>
        <translation>Die Aufgabe „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The task no longer exists.</source>
        <translation>Die Aufgabe existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Record between 1 minute and 24 hours at a time (not %1 min).</source>
        <translation>Erfassen Sie zwischen 1 Minute und 24 Stunden auf einmal (nicht %1 min).</translation>
    </message>
    <message>
        <source>Recorded work has to have ended already; give a time before now.</source>
        <translation>Erfasste Arbeit muss bereits beendet sein; geben Sie eine Zeit vor jetzt an.</translation>
    </message>
    <message>
        <source>Task %1 does not exist; &apos;fermata tasks&apos; lists your tasks.</source>
        <translation>Aufgabe %1 gibt es nicht; &apos;fermata tasks&apos; listet Ihre Aufgaben auf.</translation>
    </message>
    <message>
        <source>from your last task</source>
        <translation>aus Ihrer letzten Aufgabe</translation>
    </message>
    <message>
        <source>from your last %1 tasks</source>
        <translation>aus Ihren letzten %1 Aufgaben</translation>
    </message>
    <message>
        <source>from your last &apos;%1&apos; task</source>
        <translation>aus Ihrer letzten Aufgabe mit „%1“</translation>
    </message>
    <message>
        <source>from your last %1 &apos;%2&apos; tasks</source>
        <translation>aus Ihren letzten %1 Aufgaben mit „%2“</translation>
    </message>
</context>
<context>
    <name>fermata::Team</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 and %2 more tasks</source>
        <translation>%1 und %2 weitere Aufgaben</translation>
    </message>
    <message>
        <source>%1 no longer waits for it.</source>
        <translation>%1 wartet nicht mehr darauf.</translation>
    </message>
    <message>
        <source>%1 no longer wait for it.</source>
        <translation>%1 warten nicht mehr darauf.</translation>
    </message>
    <message>
        <source>%1 no longer shares &apos;%2&apos;</source>
        <translation>%1 teilt „%2“ nicht mehr</translation>
    </message>
    <message>
        <source>%1 finished &apos;%2&apos;</source>
        <translation>%1 hat „%2“ abgeschlossen</translation>
    </message>
    <message>
        <source>%1 can start.</source>
        <translation>Kann jetzt beginnen: %1.</translation>
    </message>
    <message>
        <source>%1 dropped &apos;%2&apos;</source>
        <translation>%1 hat „%2“ verworfen</translation>
    </message>
    <message>
        <source>%1 has no date for &apos;%2&apos; any more</source>
        <translation>%1 hat für „%2“ kein Datum mehr</translation>
    </message>
    <message>
        <source>planned to finish %1</source>
        <translation>geplant bis %1</translation>
    </message>
    <message>
        <source>not planned yet, due %1</source>
        <translation>noch nicht geplant, fällig %1</translation>
    </message>
    <message>
        <source>%1 reopened &apos;%2&apos;, %3</source>
        <translation>%1 hat „%2“ wieder geöffnet, %3</translation>
    </message>
    <message>
        <source>%1&apos;s &apos;%2&apos; is %3</source>
        <translation>„%2“ von %1 ist %3</translation>
    </message>
    <message>
        <source>%1 waits for it.</source>
        <translation>%1 wartet darauf.</translation>
    </message>
    <message>
        <source>%1 wait for it.</source>
        <translation>%1 warten darauf.</translation>
    </message>
    <message>
        <source>%1 moved &apos;%2&apos;: %3</source>
        <translation>%1 hat „%2“ verschoben: %3</translation>
    </message>
    <message>
        <source>%1 can start earlier.</source>
        <translation>Kann früher beginnen: %1.</translation>
    </message>
    <message>
        <source>%1 will start later.</source>
        <translation>Beginnt später: %1.</translation>
    </message>
    <message>
        <source>read which tasks wait for a teammate</source>
        <translation>lesen, welche Aufgaben auf ein Teammitglied warten</translation>
    </message>
    <message>
        <source>read your shared tasks</source>
        <translation>Ihre geteilten Aufgaben lesen</translation>
    </message>
    <message>
        <source>read the plan of a shared task</source>
        <translation>den Plan einer geteilten Aufgabe lesen</translation>
    </message>
    <message>
        <source>remember what your team sees of a task</source>
        <translation>vermerken, was Ihr Team von einer Aufgabe sieht</translation>
    </message>
    <message>
        <source>Task %1 does not exist; &apos;fermata tasks&apos; lists your tasks.</source>
        <translation>Aufgabe %1 gibt es nicht; &apos;fermata tasks&apos; listet Ihre Aufgaben auf.</translation>
    </message>
    <message>
        <source>share task %1 with your team</source>
        <translation>Aufgabe %1 mit Ihrem Team teilen</translation>
    </message>
    <message>
        <source>Task %1 was shared, then unshared at once.</source>
        <translation>Aufgabe %1 wurde geteilt und sofort wieder nicht mehr geteilt.</translation>
    </message>
    <message>
        <source>stop sharing task %1</source>
        <translation>Aufgabe %1 nicht mehr teilen</translation>
    </message>
    <message>
        <source>Task %1 is not shared with your team.</source>
        <translation>Aufgabe %1 ist nicht mit Ihrem Team geteilt.</translation>
    </message>
    <message>
        <source>count the shared tasks waiting for the hub</source>
        <translation>die geteilten Aufgaben zählen, die auf den Hub warten</translation>
    </message>
    <message>
        <source>read which teammates&apos; tasks you wait for</source>
        <translation>lesen, auf welche Aufgaben von Teammitgliedern Sie warten</translation>
    </message>
    <message>
        <source>compare your waits with the team hub&apos;s</source>
        <translation>Ihre Wartebeziehungen mit denen des Team-Hubs vergleichen</translation>
    </message>
    <message>
        <source>remember which waits reached the team hub</source>
        <translation>vermerken, welche Wartebeziehungen den Team-Hub erreicht haben</translation>
    </message>
    <message>
        <source>The team hub does not take shared tasks yet (hub schema %1; Fermata needs %2): ask its administrator to run &apos;fermata hub init&apos; once. Your shared tasks wait here until then.</source>
        <translation>Der Team-Hub nimmt noch keine geteilten Aufgaben an (Hub-Schema %1; Fermata braucht %2): Bitten Sie seine Administration, einmal &apos;fermata hub init&apos; auszuführen. Ihre geteilten Aufgaben warten bis dahin hier.</translation>
    </message>
    <message>
        <source>forget an unshared task</source>
        <translation>eine nicht mehr geteilte Aufgabe vergessen</translation>
    </message>
    <message>
        <source>remember what reached the team hub</source>
        <translation>vermerken, was den Team-Hub erreicht hat</translation>
    </message>
    <message>
        <source>keep a copy of your team&apos;s commitments</source>
        <translation>eine Kopie der Zusagen Ihres Teams ablegen</translation>
    </message>
    <message>
        <source>forget the shared tasks of the team hub</source>
        <translation>die geteilten Aufgaben des Team-Hubs vergessen</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt (QPSQL) is not installed; install libqt6sql6-psql to use a team hub.</source>
        <translation>Der PostgreSQL-Treiber für Qt (QPSQL) ist nicht installiert; installieren Sie libqt6sql6-psql, um einen Team-Hub zu nutzen.</translation>
    </message>
    <message>
        <source>The team hub refused the password for %1. Ask the hub&apos;s administrator for a new one.</source>
        <translation>Der Team-Hub hat das Passwort für %1 abgewiesen. Bitten Sie die Administration des Hubs um ein neues.</translation>
    </message>
    <message>
        <source>The team hub at %1 is unreachable (%2).</source>
        <translation>Der Team-Hub unter %1 ist nicht erreichbar (%2).</translation>
    </message>
    <message>
        <source>set up the session</source>
        <translation>die Sitzung einrichten</translation>
    </message>
    <message>
        <source>read the hub&apos;s schema version</source>
        <translation>die Schemaversion des Hubs lesen</translation>
    </message>
    <message>
        <source>The team hub at %1 still runs hub schema %2; this Fermata needs %3. Ask the hub&apos;s administrator to run &apos;fermata hub init&apos; once to upgrade it. Nothing is lost meanwhile: messages wait here.</source>
        <translation>Der Team-Hub unter %1 läuft noch mit Hub-Schema %2; dieses Fermata braucht %3. Bitten Sie die Administration des Hubs, einmal &apos;fermata hub init&apos; auszuführen, um ihn zu aktualisieren. Bis dahin geht nichts verloren: Nachrichten warten hier.</translation>
    </message>
    <message>
        <source>Not connected to the team hub.</source>
        <translation>Nicht mit dem Team-Hub verbunden.</translation>
    </message>
    <message>
        <source>team name</source>
        <translation>Teamname</translation>
    </message>
    <message>
        <source>add the member %1</source>
        <translation>das Mitglied %1 hinzufügen</translation>
    </message>
    <message>
        <source>The team hub did not return the new member.</source>
        <translation>Der Team-Hub hat das neue Mitglied nicht zurückgegeben.</translation>
    </message>
    <message>
        <source>remove the member %1</source>
        <translation>das Mitglied %1 entfernen</translation>
    </message>
    <message>
        <source>find your membership</source>
        <translation>Ihre Mitgliedschaft suchen</translation>
    </message>
    <message>
        <source>%1 is not an active member of this team hub.</source>
        <translation>%1 ist kein aktives Mitglied dieses Team-Hubs.</translation>
    </message>
    <message>
        <source>find your team</source>
        <translation>Ihr Team suchen</translation>
    </message>
    <message>
        <source>change your password</source>
        <translation>Ihr Passwort ändern</translation>
    </message>
    <message>
        <source>read your team</source>
        <translation>Ihr Team lesen</translation>
    </message>
    <message>
        <source>read your team&apos;s check-in windows</source>
        <translation>die Check-in-Fenster Ihres Teams lesen</translation>
    </message>
    <message>
        <source>publish the team&apos;s check-in windows</source>
        <translation>die Check-in-Fenster des Teams veröffentlichen</translation>
    </message>
    <message>
        <source>publish your check-in windows</source>
        <translation>Ihre Check-in-Fenster veröffentlichen</translation>
    </message>
    <message>
        <source>A check-in window needs days, a start, an end and a known time zone.</source>
        <translation>Ein Check-in-Fenster braucht Tage, einen Beginn, ein Ende und eine bekannte Zeitzone.</translation>
    </message>
    <message>
        <source>window label</source>
        <translation>Fensterbezeichnung</translation>
    </message>
    <message>
        <source>A message needs an identifier before it is sent.</source>
        <translation>Eine Nachricht braucht eine Kennung, bevor sie gesendet wird.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an active member of your team.</source>
        <translation>„%1“ ist kein aktives Mitglied Ihres Teams.</translation>
    </message>
    <message>
        <source>send %1 messages</source>
        <translation>%1 Nachrichten senden</translation>
    </message>
    <message>
        <source>compute when %1 will read it</source>
        <translation>berechnen, wann %1 sie lesen wird</translation>
    </message>
    <message>
        <source>edit the message</source>
        <translation>die Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>The message was already released (or withdrawn); it can no longer be edited.</source>
        <translation>Die Nachricht wurde bereits freigegeben (oder zurückgezogen); sie kann nicht mehr bearbeitet werden.</translation>
    </message>
    <message>
        <source>withdraw the message</source>
        <translation>die Nachricht zurückziehen</translation>
    </message>
    <message>
        <source>The message was already released; it can no longer be withdrawn.</source>
        <translation>Die Nachricht wurde bereits freigegeben; sie kann nicht mehr zurückgezogen werden.</translation>
    </message>
    <message>
        <source>read the state of sent messages</source>
        <translation>den Zustand gesendeter Nachrichten lesen</translation>
    </message>
    <message>
        <source>fetch your messages</source>
        <translation>Ihre Nachrichten abrufen</translation>
    </message>
    <message>
        <source>confirm delivery</source>
        <translation>die Zustellung bestätigen</translation>
    </message>
    <message>
        <source>mark the message read</source>
        <translation>die Nachricht als gelesen markieren</translation>
    </message>
    <message>
        <source>ask when your next message arrives</source>
        <translation>abfragen, wann Ihre nächste Nachricht ankommt</translation>
    </message>
    <message>
        <source>read what changed</source>
        <translation>lesen, was sich geändert hat</translation>
    </message>
    <message>
        <source>share &quot;%1&quot; with your team</source>
        <translation>„%1“ mit Ihrem Team teilen</translation>
    </message>
    <message>
        <source>share %1 commitments with your team</source>
        <translation>%1 Zusagen mit Ihrem Team teilen</translation>
    </message>
    <message>
        <source>stop sharing with your team</source>
        <translation>das Teilen mit Ihrem Team beenden</translation>
    </message>
    <message>
        <source>read your team&apos;s commitments</source>
        <translation>die Zusagen Ihres Teams lesen</translation>
    </message>
    <message>
        <source>tell your team which of their tasks you wait for</source>
        <translation>Ihrem Team mitteilen, auf welche seiner Aufgaben Sie warten</translation>
    </message>
    <message>
        <source>read who waits for your team&apos;s commitments</source>
        <translation>lesen, wer auf die Zusagen Ihres Teams wartet</translation>
    </message>
    <message>
        <source>listen for your team&apos;s changes</source>
        <translation>auf Änderungen Ihres Teams lauschen</translation>
    </message>
    <message>
        <source>The hub address &quot;%1&quot; %2. Write it like postgresql://alice@db.example.com:5432/fermata (or, with a standby, postgresql://alice@db1:5432,db2:5432/fermata).</source>
        <translation>Die Hub-Adresse „%1“ %2. Schreiben Sie sie wie postgresql://alice@db.example.com:5432/fermata (oder, mit einem Standby, postgresql://alice@db1:5432,db2:5432/fermata).</translation>
    </message>
    <message>
        <source>is not a postgresql:// address</source>
        <translation>ist keine postgresql://-Adresse</translation>
    </message>
    <message>
        <source>has a server &quot;%1&quot; that is not HOST or HOST:PORT</source>
        <translation>enthält einen Server „%1“, der nicht HOST oder HOST:PORT ist</translation>
    </message>
    <message>
        <source>names no database</source>
        <translation>nennt keine Datenbank</translation>
    </message>
    <message>
        <source>has an unknown sslmode</source>
        <translation>hat einen unbekannten sslmode</translation>
    </message>
    <message>
        <source>asks for target_session_attrs=%1; a hub needs read-write, primary or any</source>
        <translation>verlangt target_session_attrs=%1; ein Hub braucht read-write, primary oder any</translation>
    </message>
    <message>
        <source>This team hub was set up by a newer Fermata (hub schema version %1; this Fermata knows up to %2). It was left unchanged: update Fermata to use it.</source>
        <translation>Dieser Team-Hub wurde von einem neueren Fermata eingerichtet (Hub-Schemaversion %1; dieses Fermata kennt bis %2). Er blieb unverändert: Aktualisieren Sie Fermata, um ihn zu nutzen.</translation>
    </message>
    <message>
        <source>upgrade the hub schema to version %1</source>
        <translation>das Hub-Schema auf Version %1 aktualisieren</translation>
    </message>
    <message>
        <source>The hub schema step %1 is missing from this build.</source>
        <translation>Der Hub-Schemaschritt %1 fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>hide the server&apos;s sessions from members</source>
        <translation>die Sitzungen des Servers vor Mitgliedern verbergen</translation>
    </message>
    <message>
        <source>The hub privacy step is missing from this build.</source>
        <translation>Der Datenschutzschritt des Hubs fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>check what members can see of the server</source>
        <translation>prüfen, was Mitglieder vom Server sehen können</translation>
    </message>
    <message>
        <source>The team hub is unreachable (could not %1: %2).</source>
        <translation>Der Team-Hub ist nicht erreichbar (konnte nicht %1: %2).</translation>
    </message>
    <message>
        <source>The team hub could not %1 just now (%2); Fermata tries again.</source>
        <translation>Der Team-Hub konnte gerade nicht %1 (%2); Fermata versucht es erneut.</translation>
    </message>
    <message>
        <source>The team hub could not %1: %2</source>
        <translation>Der Team-Hub konnte nicht %1: %2</translation>
    </message>
    <message>
        <source>The %1 contains a NUL character, which the team hub cannot store.</source>
        <translation>Das Feld „%1“ enthält ein NUL-Zeichen, das der Team-Hub nicht speichern kann.</translation>
    </message>
    <message>
        <source>The %1 is not valid text (a broken UTF-16 surrogate).</source>
        <translation>Das Feld „%1“ ist kein gültiger Text (ein defektes UTF-16-Surrogat).</translation>
    </message>
    <message>
        <source>The %1 is %L2 characters long; the team hub takes up to %L3. Shorten it (or send the rest in a second message).</source>
        <translation>Das Feld „%1“ ist %L2 Zeichen lang; der Team-Hub nimmt bis zu %L3. Kürzen Sie es (oder senden Sie den Rest in einer zweiten Nachricht).</translation>
    </message>
    <message>
        <source>remember a message for the team hub</source>
        <translation>eine Nachricht für den Team-Hub vormerken</translation>
    </message>
    <message>
        <source>update a message&apos;s sync state</source>
        <translation>den Synchronisierungsstand einer Nachricht aktualisieren</translation>
    </message>
    <message>
        <source>read a message&apos;s sync state</source>
        <translation>den Synchronisierungsstand einer Nachricht lesen</translation>
    </message>
    <message>
        <source>read the messages waiting for the hub</source>
        <translation>die Nachrichten lesen, die auf den Hub warten</translation>
    </message>
    <message>
        <source>count the messages waiting for the hub</source>
        <translation>die Nachrichten zählen, die auf den Hub warten</translation>
    </message>
    <message>
        <source>count urgent messages</source>
        <translation>dringende Nachrichten zählen</translation>
    </message>
    <message>
        <source>keep a copy of the team directory</source>
        <translation>eine Kopie des Teamverzeichnisses ablegen</translation>
    </message>
    <message>
        <source>read the team directory</source>
        <translation>das Teamverzeichnis lesen</translation>
    </message>
    <message>
        <source>read the team&apos;s windows</source>
        <translation>die Fenster des Teams lesen</translation>
    </message>
    <message>
        <source>read the team hub settings</source>
        <translation>die Einstellungen des Team-Hubs lesen</translation>
    </message>
    <message>
        <source>save the team hub settings</source>
        <translation>die Einstellungen des Team-Hubs speichern</translation>
    </message>
    <message>
        <source>forget the team hub account</source>
        <translation>das Team-Hub-Konto vergessen</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>der Schlüsselbund hat nicht geantwortet</translation>
    </message>
    <message>
        <source>The keychain could not give the password for %1 (%2).</source>
        <translation>Der Schlüsselbund konnte das Passwort für %1 nicht herausgeben (%2).</translation>
    </message>
    <message>
        <source>The keychain refused the password (%1).</source>
        <translation>Der Schlüsselbund hat das Passwort abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The keychain could not forget the password (%1).</source>
        <translation>Der Schlüsselbund konnte das Passwort nicht vergessen (%1).</translation>
    </message>
    <message>
        <source>Fermata could not read its password file %1 (%2).</source>
        <translation>Fermata konnte seine Passwortdatei %1 nicht lesen (%2).</translation>
    </message>
    <message>
        <source>Fermata could not write its password file %1 (%2).</source>
        <translation>Fermata konnte seine Passwortdatei %1 nicht schreiben (%2).</translation>
    </message>
    <message>
        <source>No password is stored for %1.</source>
        <translation>Für %1 ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>No system keychain is available: the password is kept in %1, readable only by you.</source>
        <translation>Es ist kein System-Schlüsselbund verfügbar: Das Passwort liegt in %1, nur für Sie lesbar.</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>fermata::TeamSync</name>
    <message>
        <source>Joined the team hub as %1; 1 teammate.</source>
        <translation>Dem Team-Hub als %1 beigetreten; 1 Teammitglied.</translation>
    </message>
    <message>
        <source>Joined the team hub as %1; %2 teammates.</source>
        <translation>Dem Team-Hub als %1 beigetreten; %2 Teammitglieder.</translation>
    </message>
    <message>
        <source>Left the team hub; messages already here stay.</source>
        <translation>Team-Hub verlassen; bereits vorhandene Nachrichten bleiben.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2 (%3).</source>
        <translation>Mit %1 als %2 verbunden (%3).</translation>
    </message>
    <message>
        <source>Sent to %1 now, as urgent.</source>
        <translation>Sofort als dringend an %1 gesendet.</translation>
    </message>
    <message>
        <source>Sent to %1. %2.</source>
        <translation>An %1 gesendet. %2.</translation>
    </message>
    <message>
        <source>Message changed.</source>
        <translation>Nachricht geändert.</translation>
    </message>
    <message>
        <source>Message withdrawn; it will not be delivered.</source>
        <translation>Nachricht zurückgezogen; sie wird nicht zugestellt.</translation>
    </message>
    <message>
        <source>Your check-in windows were shared with your team.</source>
        <translation>Ihre Check-in-Fenster wurden mit Ihrem Team geteilt.</translation>
    </message>
    <message>
        <source>Your check-in windows could not be shared with your team yet: %1</source>
        <translation>Ihre Check-in-Fenster konnten noch nicht mit Ihrem Team geteilt werden: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is shared with your team.</source>
        <translation>„%1“ ist mit Ihrem Team geteilt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no longer shared with your team.</source>
        <translation>„%1“ ist nicht mehr mit Ihrem Team geteilt.</translation>
    </message>
    <message>
        <source>The team hub is not available: Fermata could not open its data.</source>
        <translation>Der Team-Hub ist nicht verfügbar: Fermata konnte seine Daten nicht öffnen.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>You (&apos;%1&apos;)</source>
        <translation>Sie („%1“)</translation>
    </message>
</context>
</TS>
