<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>fermata</name>
    <message>
        <source>Your Fermata data is now private to you: other users on this computer could read %1 until now.</source>
        <translation>Ihre Fermata-Daten sind jetzt nur noch für Sie lesbar: Bisher konnten andere Benutzer dieses Computers %1 lesen.</translation>
    </message>
    <message>
        <source>Fermata could not start or end a focus session: %1</source>
        <translation>Fermata konnte eine Fokussitzung nicht starten oder beenden: %1</translation>
    </message>
    <message>
        <source>Fermata cannot take notifications from `fermata notify`: %1</source>
        <translation>Fermata kann keine Benachrichtigungen von `fermata notify` annehmen: %1</translation>
    </message>
    <message>
        <source>Fermata does not see other apps&apos; notifications: %1</source>
        <translation>Fermata sieht die Benachrichtigungen anderer Apps nicht: %1</translation>
    </message>
    <message>
        <source>Fermata could not listen on 127.0.0.1:%1 for HTTP notifications; another program may use that port.</source>
        <translation>Fermata konnte nicht auf 127.0.0.1:%1 auf HTTP-Benachrichtigungen warten; vielleicht belegt ein anderes Programm diesen Port.</translation>
    </message>
    <message>
        <source>Fermata cannot open its data</source>
        <translation>Fermata kann seine Daten nicht öffnen</translation>
    </message>
    <message>
        <source>The file is at %1</source>
        <translation>Die Datei liegt unter %1</translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation>Ordner anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>fermata::cli</name>
    <message>
        <source>List, add, complete and share tasks</source>
        <translation>Aufgaben auflisten, hinzufügen, erledigen und teilen</translation>
    </message>
    <message>
        <source>Plan focus blocks from a JSON request or a benchmark instance</source>
        <translation>Fokusblöcke aus einer JSON-Anfrage oder einer Benchmark-Instanz planen</translation>
    </message>
    <message>
        <source>Check the database file and say where it is</source>
        <translation>Die Datenbankdatei prüfen und sagen, wo sie liegt</translation>
    </message>
    <message>
        <source>Import meetings from an iCalendar (.ics) file</source>
        <translation>Termine aus einer iCalendar-Datei (.ics) importieren</translation>
    </message>
    <message>
        <source>List calendar events as the planner sees them</source>
        <translation>Kalendertermine so auflisten, wie der Planer sie sieht</translation>
    </message>
    <message>
        <source>Export focus blocks and check-in windows as iCalendar</source>
        <translation>Fokusblöcke und Check-in-Fenster als iCalendar exportieren</translation>
    </message>
    <message>
        <source>Subscribe to a calendar&apos;s ICS address</source>
        <translation>Die ICS-Adresse eines Kalenders abonnieren</translation>
    </message>
    <message>
        <source>List calendar subscriptions, last refresh and errors</source>
        <translation>Kalender-Abonnements, letzte Aktualisierung und Fehler auflisten</translation>
    </message>
    <message>
        <source>Fetch every subscribed calendar now</source>
        <translation>Alle abonnierten Kalender jetzt abrufen</translation>
    </message>
    <message>
        <source>Read meetings from CalDAV and write focus blocks back</source>
        <translation>Termine aus CalDAV lesen und Fokusblöcke zurückschreiben</translation>
    </message>
    <message>
        <source>Set up, join and sync a team hub (PostgreSQL)</source>
        <translation>Einen Team-Hub (PostgreSQL) einrichten, ihm beitreten und synchronisieren</translation>
    </message>
    <message>
        <source>Send a teammate a message, held until their check-in window</source>
        <translation>Einem Teammitglied eine Nachricht senden, zurückgehalten bis zu seinem Check-in-Fenster</translation>
    </message>
    <message>
        <source>List sent messages with their release times</source>
        <translation>Gesendete Nachrichten mit ihren Zustellzeiten auflisten</translation>
    </message>
    <message>
        <source>Hand a notification to Fermata (held until your next check-in)</source>
        <translation>Fermata eine Benachrichtigung übergeben (zurückgehalten bis zum nächsten Check-in)</translation>
    </message>
    <message>
        <source>List held and released notifications</source>
        <translation>Zurückgehaltene und freigegebene Benachrichtigungen auflisten</translation>
    </message>
    <message>
        <source>What deep work, meetings and held interruptions added up to</source>
        <translation>Was konzentrierte Arbeit, Termine und zurückgehaltene Unterbrechungen ergaben</translation>
    </message>
    <message>
        <source>Run the attention engine without a window</source>
        <translation>Die Aufmerksamkeits-Engine ohne Fenster ausführen</translation>
    </message>
    <message>
        <source>Usage: fermata [--data-dir DIR] [COMMAND [ARGS...]]

Fermata plans focus blocks for your most important work and holds interruptions
until the check-in windows you chose. Without a command it opens the window.

Options:
  --data-dir DIR   keep the database and settings in DIR (also after the command)
  --tray           start in the tray without opening the window (as at login)
  -h, --help       show this help; &apos;fermata COMMAND --help&apos; for a command
  -v, --version    show the version

Commands:
</source>
        <translation>Aufruf: fermata [--data-dir DIR] [COMMAND [ARGS...]]

Fermata plant Fokusblöcke für Ihre wichtigste Arbeit und hält Unterbrechungen bis zu
den Check-in-Fenstern zurück, die Sie gewählt haben. Ohne Befehl öffnet es das Fenster.

Optionen:
  --data-dir DIR   Datenbank und Einstellungen in DIR ablegen (auch nach dem Befehl)
  --tray           im Infobereich starten, ohne das Fenster zu öffnen (wie bei der Anmeldung)
  -h, --help       diese Hilfe anzeigen; &apos;fermata COMMAND --help&apos; für einen Befehl
  -v, --version    die Version anzeigen

Befehle:
</translation>
    </message>
    <message>
        <source>fermata: --data-dir needs a folder, e.g. --data-dir ~/fermata-work</source>
        <translation>fermata: --data-dir braucht einen Ordner, z. B. --data-dir ~/fermata-work</translation>
    </message>
    <message>
        <source>fermata: Unknown command &apos;%1&apos;. Run &apos;fermata --help&apos; for the list.</source>
        <translation>fermata: Unbekannter Befehl &apos;%1&apos;. &apos;fermata --help&apos; zeigt die Liste.</translation>
    </message>
</context>
<context>
    <name>fermata::cli::caldav</name>
    <message>
        <source>App password for %1: </source>
        <translation>App-Passwort für %1: </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>receives focus blocks</source>
        <translation>erhält Fokusblöcke</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>no longer on the server</source>
        <translation>nicht mehr auf dem Server</translation>
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
        <source>Give the server and your user name, e.g.
  fermata caldav add https://cloud.example.com/remote.php/dav --user alice</source>
        <translation>Server und Benutzernamen angeben, z. B.
  fermata caldav add https://cloud.example.com/remote.php/dav --user alice</translation>
    </message>
    <message>
        <source>Give the app password on standard input with --password-stdin (or in FERMATA_CALDAV_PASSWORD). Many servers make one under Settings &gt; Security &gt; App passwords.</source>
        <translation>Das App-Passwort mit --password-stdin auf der Standardeingabe angeben (oder in FERMATA_CALDAV_PASSWORD). Viele Server erzeugen eines unter Einstellungen &gt; Sicherheit &gt; App-Passwörter.</translation>
    </message>
    <message>
        <source>could not save the choice</source>
        <translation>die Auswahl konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Added %1 (1 calendar):</source>
        <translation>%1 hinzugefügt (1 Kalender):</translation>
    </message>
    <message>
        <source>Added %1 (%2 calendars):</source>
        <translation>%1 hinzugefügt (%2 Kalender):</translation>
    </message>
    <message>
        <source>Focus blocks are not written anywhere yet; choose a calendar with: fermata caldav use CALENDAR --blocks</source>
        <translation>Fokusblöcke werden noch nirgends eingetragen; einen Kalender wählen mit: fermata caldav use CALENDAR --blocks</translation>
    </message>
    <message>
        <source>No CalDAV account. Add one with: fermata caldav add https://cloud.example.com/remote.php/dav --user alice</source>
        <translation>Kein CalDAV-Konto. Eines hinzufügen mit: fermata caldav add https://cloud.example.com/remote.php/dav --user alice</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>zuletzt synchronisiert %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <source>last attempt %1: %2</source>
        <translation>letzter Versuch %1: %2</translation>
    </message>
    <message>
        <source>focus blocks titled with the task&apos;s title</source>
        <translation>Fokusblöcke tragen den Titel der Aufgabe</translation>
    </message>
    <message>
        <source>focus blocks titled &quot;%1&quot;</source>
        <translation>Fokusblöcke mit dem Titel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>1 change waits to go out</source>
        <translation>1 Änderung wartet auf das Senden</translation>
    </message>
    <message>
        <source>%1 changes wait to go out</source>
        <translation>%1 Änderungen warten auf das Senden</translation>
    </message>
    <message>
        <source>Name a calendar and say what to do with it, e.g.
  fermata caldav use Work --read --blocks    (read its meetings, write focus blocks to it)
  fermata caldav use Holidays --no-read</source>
        <translation>Einen Kalender nennen und sagen, was mit ihm geschehen soll, z. B.
  fermata caldav use Work --read --blocks    (seine Termine lesen, Fokusblöcke hineinschreiben)
  fermata caldav use Holidays --no-read</translation>
    </message>
    <message>
        <source>Give the title colleagues see (e.g. fermata caldav title &quot;Focus time&quot;), or --task-titles to show each block&apos;s task.</source>
        <translation>Den Titel angeben, den Kollegen sehen (z. B. fermata caldav title &quot;Fokuszeit&quot;), oder --task-titles, um die Aufgabe jedes Blocks zu zeigen.</translation>
    </message>
    <message>
        <source>Focus blocks of %1 are titled with their task&apos;s title.</source>
        <translation>Fokusblöcke von %1 tragen den Titel ihrer Aufgabe.</translation>
    </message>
    <message>
        <source>Focus blocks of %1 are titled &quot;%2&quot;.</source>
        <translation>Fokusblöcke von %1 tragen den Titel &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>No CalDAV account to sync. Add one with: fermata caldav add URL --user USER</source>
        <translation>Kein CalDAV-Konto zum Synchronisieren. Eines hinzufügen mit: fermata caldav add URL --user USER</translation>
    </message>
    <message>
        <source>Nothing was removed. With --keep-events the account goes without deleting its focus block events from the server.</source>
        <translation>Nichts wurde entfernt. Mit --keep-events wird das Konto entfernt, ohne seine Fokusblock-Termine auf dem Server zu löschen.</translation>
    </message>
    <message>
        <source>Removed %1; its meetings left the planner, and the focus block events stay on the server.</source>
        <translation>%1 entfernt; seine Termine sind aus dem Planer verschwunden, die Fokusblock-Termine bleiben auf dem Server.</translation>
    </message>
    <message>
        <source>Removed %1; its meetings left the planner and its focus block events the server.</source>
        <translation>%1 entfernt; seine Termine sind aus dem Planer verschwunden, seine Fokusblock-Termine vom Server.</translation>
    </message>
    <message>
        <source>Two-way CalDAV (Nextcloud, Fastmail, iCloud, Radicale...): meetings in the calendars you
choose are read for planning, and focus blocks are written to one calendar as busy events,
so colleagues see them. The app password is kept in the system keychain.

  fermata caldav add URL --user USER [--password-stdin] [--name NAME] [--read CALENDAR]...
                 [--blocks CALENDAR] [--title TEXT | --task-titles]
  fermata caldav list [--json]
  fermata caldav use CALENDAR [--read | --no-read] [--blocks | --no-blocks] [--account NAME]
  fermata caldav title TEXT | --task-titles [--account NAME]
  fermata caldav sync [--account NAME]
  fermata caldav remove [NAME] [--keep-events]

&apos;fermata caldav ACTION --help&apos; lists the options of one action.</source>
        <translation>CalDAV in beide Richtungen (Nextcloud, Fastmail, iCloud, Radicale...): Termine in den
gewählten Kalendern werden für die Planung gelesen, und Fokusblöcke werden als belegte
Termine in einen Kalender geschrieben, damit Kollegen sie sehen. Das App-Passwort liegt im
Schlüsselbund des Systems.

  fermata caldav add URL --user USER [--password-stdin] [--name NAME] [--read CALENDAR]...
                 [--blocks CALENDAR] [--title TEXT | --task-titles]
  fermata caldav list [--json]
  fermata caldav use CALENDAR [--read | --no-read] [--blocks | --no-blocks] [--account NAME]
  fermata caldav title TEXT | --task-titles [--account NAME]
  fermata caldav sync [--account NAME]
  fermata caldav remove [NAME] [--keep-events]

&apos;fermata caldav ACTION --help&apos; listet die Optionen einer Aktion.</translation>
    </message>
    <message>
        <source>Your user name on the server.</source>
        <translation>Ihr Benutzername auf dem Server.</translation>
    </message>
    <message>
        <source>Read the app password from standard input.</source>
        <translation>Das App-Passwort von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>The account&apos;s name (default USER@HOST).</source>
        <translation>Name des Kontos (Standard USER@HOST).</translation>
    </message>
    <message>
        <source>Read only this calendar&apos;s meetings (repeat for more; default: all).</source>
        <translation>Nur die Termine dieses Kalenders lesen (für mehrere wiederholen; Standard: alle).</translation>
    </message>
    <message>
        <source>Write focus blocks to this calendar.</source>
        <translation>Fokusblöcke in diesen Kalender schreiben.</translation>
    </message>
    <message>
        <source>The focus blocks&apos; title (default Focus).</source>
        <translation>Titel der Fokusblöcke (Standard Focus).</translation>
    </message>
    <message>
        <source>Title each focus block with its task.</source>
        <translation>Jeden Fokusblock nach seiner Aufgabe benennen.</translation>
    </message>
    <message>
        <source>Read its meetings.</source>
        <translation>Seine Termine lesen.</translation>
    </message>
    <message>
        <source>Stop reading its meetings (they leave the planner).</source>
        <translation>Seine Termine nicht mehr lesen (sie verschwinden aus dem Planer).</translation>
    </message>
    <message>
        <source>Write focus blocks to it (instead of any other calendar).</source>
        <translation>Fokusblöcke hineinschreiben (statt in einen anderen Kalender).</translation>
    </message>
    <message>
        <source>Stop writing focus blocks to it (those written are deleted).</source>
        <translation>Keine Fokusblöcke mehr hineinschreiben (bereits geschriebene werden gelöscht).</translation>
    </message>
    <message>
        <source>Save the choice without syncing now.</source>
        <translation>Die Auswahl speichern, ohne jetzt zu synchronisieren.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Leave the focus block events on the server.</source>
        <translation>Die Fokusblock-Termine auf dem Server lassen.</translation>
    </message>
    <message>
        <source>The account, when there are several.</source>
        <translation>Das Konto, wenn es mehrere gibt.</translation>
    </message>
    <message>
        <source>add, list, use, title, sync, remove</source>
        <translation>add, list, use, title, sync, remove</translation>
    </message>
    <message>
        <source>Say what to do: %1. &apos;fermata caldav --help&apos; explains each.</source>
        <translation>Sagen, was zu tun ist: %1. &apos;fermata caldav --help&apos; erklärt jede Aktion.</translation>
    </message>
</context>
<context>
    <name>fermata::cli::check</name>
    <message>
        <source>Other apps&apos; notifications: %1</source>
        <translation>Benachrichtigungen anderer Apps: %1</translation>
    </message>
    <message>
        <source>captured from the desktop (D-Bus)</source>
        <translation>vom Desktop übernommen (D-Bus)</translation>
    </message>
    <message>
        <source>Desktop Do Not Disturb: %1</source>
        <translation>„Nicht stören“ des Desktops: %1</translation>
    </message>
    <message>
        <source>Start at login: on (%1)</source>
        <translation>Start bei der Anmeldung: an (%1)</translation>
    </message>
    <message>
        <source>Start at login: off (%1)</source>
        <translation>Start bei der Anmeldung: aus (%1)</translation>
    </message>
    <message>
        <source>Start at login: not available in this build</source>
        <translation>Start bei der Anmeldung: in diesem Build nicht verfügbar</translation>
    </message>
    <message>
        <source>Opens the database as Fermata would (integrity check, data format) and says where it is.
A damaged or newer file is reported and left untouched.</source>
        <translation>Öffnet die Datenbank wie Fermata selbst (Integritätsprüfung, Datenformat) und sagt, wo sie liegt.
Eine beschädigte oder neuere Datei wird gemeldet und nicht verändert.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Data format: %1 (this version reads up to %2)</source>
        <translation>Datenformat: %1 (diese Version liest bis %2)</translation>
    </message>
    <message>
        <source>Integrity: ok</source>
        <translation>Integrität: ok</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <source>this build can capture them from D-Bus, but not in this session: %1</source>
        <translation>dieser Build kann sie über D-Bus erfassen, aber nicht in dieser Sitzung: %1</translation>
    </message>
</context>
<context>
    <name>fermata::cli::events</name>
    <message>
        <source> all day</source>
        <translation> ganztägig</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>belegt</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source> (%1 days)</source>
        <translation> (%1 Tage)</translation>
    </message>
    <message>
        <source>Lists calendar events as the planner sees them: recurring meetings expanded, each
occurrence with its start and end in UTC and in your time zone, busy or free.

  fermata events [--from 2026-03-02] [--to 2026-03-08] [--source NAME] [--json]

Dates are days in your time zone; --to includes that day. Default: the next 7 days.</source>
        <translation>Listet Kalendertermine so, wie der Planer sie sieht: wiederkehrende Termine aufgelöst,
jedes Vorkommen mit Beginn und Ende in UTC und in Ihrer Zeitzone, belegt oder frei.

  fermata events [--from 2026-03-02] [--to 2026-03-08] [--source NAME] [--json]

Daten sind Tage in Ihrer Zeitzone; --to schließt diesen Tag ein. Standard: die nächsten 7 Tage.</translation>
    </message>
    <message>
        <source>First day (or date and time).</source>
        <translation>Erster Tag (oder Datum und Uhrzeit).</translation>
    </message>
    <message>
        <source>Last day, included (or date and time).</source>
        <translation>Letzter Tag, einschließlich (oder Datum und Uhrzeit).</translation>
    </message>
    <message>
        <source>Only events of this calendar.</source>
        <translation>Nur Termine dieses Kalenders.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Cannot read the dates. Write them like 2026-03-02 or 2026-03-02T09:00.</source>
        <translation>Die Daten sind nicht lesbar. Schreibweise wie 2026-03-02 oder 2026-03-02T09:00.</translation>
    </message>
    <message>
        <source>--to must be after --from.</source>
        <translation>--to muss nach --from liegen.</translation>
    </message>
    <message>
        <source>No events between %1 and %2. Import a calendar with: fermata import work.ics</source>
        <translation>Keine Termine zwischen %1 und %2. Einen Kalender importieren mit: fermata import work.ics</translation>
    </message>
</context>
<context>
    <name>fermata::cli::export</name>
    <message>
        <source>Exports focus blocks (busy events) and check-in windows as iCalendar: windows as
VAVAILABILITY (RFC 7953) and as recurring free events for calendar apps that
ignore VAVAILABILITY.

  fermata export --ics FILE [--from 2026-03-01] [--to 2026-03-31]
  fermata export --ics FILE --keep-updated   (the app rewrites FILE after changes)
  fermata export --stop-updating

Default range: the last 7 and the next 60 days. With --to, window rules end that day.</source>
        <translation>Exportiert Fokusblöcke (belegte Termine) und Check-in-Fenster als iCalendar: Fenster als
VAVAILABILITY (RFC 7953) und als wiederkehrende freie Termine für Kalender-Apps, die
VAVAILABILITY ignorieren.

  fermata export --ics FILE [--from 2026-03-01] [--to 2026-03-31]
  fermata export --ics FILE --keep-updated   (die App schreibt FILE nach Änderungen neu)
  fermata export --stop-updating

Standardzeitraum: die letzten 7 und die nächsten 60 Tage. Mit --to enden Fensterregeln an diesem Tag.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>First day.</source>
        <translation>Erster Tag.</translation>
    </message>
    <message>
        <source>Last day, included.</source>
        <translation>Letzter Tag, einschließlich.</translation>
    </message>
    <message>
        <source>Remember FILE and rewrite it after every change.</source>
        <translation>FILE merken und nach jeder Änderung neu schreiben.</translation>
    </message>
    <message>
        <source>Stop rewriting the remembered file.</source>
        <translation>Die gemerkte Datei nicht mehr neu schreiben.</translation>
    </message>
    <message>
        <source>Say where to write, e.g. fermata export --ics ~/fermata.ics</source>
        <translation>Sagen, wohin geschrieben werden soll, z. B. fermata export --ics ~/fermata.ics</translation>
    </message>
    <message>
        <source>Fermata no longer keeps an exported calendar up to date.</source>
        <translation>Fermata hält keinen exportierten Kalender mehr aktuell.</translation>
    </message>
    <message>
        <source>Cannot read the range. Write days like 2026-03-01.</source>
        <translation>Der Zeitraum ist nicht lesbar. Tage schreiben wie 2026-03-01.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Fermata will keep it up to date after every change.</source>
        <translation>Fermata hält sie nach jeder Änderung aktuell.</translation>
    </message>
</context>
<context>
    <name>fermata::cli::hub</name>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Give the hub&apos;s administrator address with --url postgresql://ADMIN@HOST:PORT/DB (or run &apos;fermata hub init&apos; first).</source>
        <translation>Die Administratoradresse des Hubs mit --url postgresql://ADMIN@HOST:PORT/DB angeben (oder zuerst &apos;fermata hub init&apos; ausführen).</translation>
    </message>
    <message>
        <source>Give the database with --url postgresql://ADMIN@HOST:PORT/DB.</source>
        <translation>Die Datenbank mit --url postgresql://ADMIN@HOST:PORT/DB angeben.</translation>
    </message>
    <message>
        <source>The team hub at %1 is ready (schema version %2).</source>
        <translation>Der Team-Hub unter %1 ist bereit (Schemaversion %2).</translation>
    </message>
    <message>
        <source>Members can still list which logins are connected to this server (PostgreSQL shows its sessions to every login). To hide them, run &apos;fermata hub init&apos; once more as a superuser (for example postgres); on a managed service, see the README.</source>
        <translation>Mitglieder können noch sehen, welche Logins mit diesem Server verbunden sind (PostgreSQL zeigt seine Sitzungen jedem Login). Um sie zu verbergen, &apos;fermata hub init&apos; noch einmal als Superuser ausführen (zum Beispiel postgres); bei einem verwalteten Dienst siehe README.</translation>
    </message>
    <message>
        <source>Members cannot see who is connected: the server&apos;s sessions and activity are hidden from them in this database.</source>
        <translation>Mitglieder sehen nicht, wer verbunden ist: Sitzungen und Aktivität des Servers sind in dieser Datenbank vor ihnen verborgen.</translation>
    </message>
    <message>
        <source>Add people with: fermata hub add-member --team TEAM --name NAME --email EMAIL --tz ZONE</source>
        <translation>Personen hinzufügen mit: fermata hub add-member --team TEAM --name NAME --email EMAIL --tz ZONE</translation>
    </message>
    <message>
        <source>--team, --name, --email and --tz are all needed, e.g.
  fermata hub add-member --team Design --name &quot;Ada Lovelace&quot; --email ada@example.com --tz Europe/London</source>
        <translation>--team, --name, --email und --tz werden alle gebraucht, z. B.
  fermata hub add-member --team Design --name &quot;Ada Lovelace&quot; --email ada@example.com --tz Europe/London</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
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
        <source>Added %1 &lt;%2&gt; to team %3.</source>
        <translation>%1 &lt;%2&gt; zum Team %3 hinzugefügt.</translation>
    </message>
    <message>
        <source>Login: %1</source>
        <translation>Login: %1</translation>
    </message>
    <message>
        <source>One-time password: %1</source>
        <translation>Einmalpasswort: %1</translation>
    </message>
    <message>
        <source>They join with: fermata hub join --url %1 --user %2</source>
        <translation>Beitritt mit: fermata hub join --url %1 --user %2</translation>
    </message>
    <message>
        <source>(the password is shown only now; joining replaces it with one kept in their keychain)</source>
        <translation>(das Passwort wird nur jetzt angezeigt; beim Beitritt wird es durch eines im Schlüsselbund des Mitglieds ersetzt)</translation>
    </message>
    <message>
        <source>Say who, with --email EMAIL or --user LOGIN.</source>
        <translation>Sagen, wer, mit --email EMAIL oder --user LOGIN.</translation>
    </message>
    <message>
        <source>Removed %1: the login %2 can no longer connect.</source>
        <translation>%1 entfernt: Das Login %2 kann sich nicht mehr verbinden.</translation>
    </message>
    <message>
        <source>Give your login with --user (add-member printed it).</source>
        <translation>Ihr Login mit --user angeben (add-member hat es ausgegeben).</translation>
    </message>
    <message numerus="yes">
        <source>Joined the team hub as %1 (%2); %n teammates.</source>
        <translation>
            <numerusform>Dem Team-Hub als %1 (%2) beigetreten; %n Teammitglied.</numerusform>
            <numerusform>Dem Team-Hub als %1 (%2) beigetreten; %n Teammitglieder.</numerusform>
        </translation>
    </message>
    <message>
        <source>login %1</source>
        <translation>Login %1</translation>
    </message>
    <message>
        <source>reads %1 %2-%3</source>
        <translation>liest %1 %2-%3</translation>
    </message>
    <message>
        <source>Cannot read the window &apos;%1&apos;. Write it like &quot;mon-fri 09:00-09:30&quot; or &quot;daily 14:00-14:15&quot;.</source>
        <translation>Das Fenster &apos;%1&apos; ist nicht lesbar. Schreibweise wie &quot;mon-fri 09:00-09:30&quot; oder &quot;daily 14:00-14:15&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>Published %n check-in window(s); messages held for you were re-timed.</source>
        <translation>
            <numerusform>%n Check-in-Fenster veröffentlicht; für Sie zurückgehaltene Nachrichten wurden neu terminiert.</numerusform>
            <numerusform>%n Check-in-Fenster veröffentlicht; für Sie zurückgehaltene Nachrichten wurden neu terminiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Received from %1: %2</source>
        <translation>Empfangen von %1: %2</translation>
    </message>
    <message>
        <source>In sync with the team hub.</source>
        <translation>Mit dem Team-Hub synchron.</translation>
    </message>
    <message>
        <source>This Fermata has not joined a team hub yet: run fermata hub join --url URL --user USER.</source>
        <translation>Dieses Fermata ist noch keinem Team-Hub beigetreten: fermata hub join --url URL --user USER ausführen.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Nobody in your team shares a task yet. Share one with: fermata tasks share ID [--note TEXT]</source>
        <translation>In Ihrem Team teilt noch niemand eine Aufgabe. Eine teilen mit: fermata tasks share ID [--note TEXT]</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>ohne Fälligkeit</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>%1 min, %2</source>
        <translation>%1 min, %2</translation>
    </message>
    <message>
        <source>, work ends %1</source>
        <translation>, Arbeit endet %1</translation>
    </message>
    <message>
        <source>(waiting: %1)</source>
        <translation>(wartet: %1)</translation>
    </message>
    <message>
        <source>Showing the copy from the last sync.</source>
        <translation>Angezeigt wird die Kopie der letzten Synchronisierung.</translation>
    </message>
    <message>
        <source>Not part of a team hub. Join one with: fermata hub join --url URL --user USER</source>
        <translation>Nicht Teil eines Team-Hubs. Einem beitreten mit: fermata hub join --url URL --user USER</translation>
    </message>
    <message>
        <source>Team hub: %1</source>
        <translation>Team-Hub: %1</translation>
    </message>
    <message>
        <source>Connected; nothing waiting to sync.</source>
        <translation>Verbunden; nichts wartet auf Synchronisierung.</translation>
    </message>
    <message>
        <source>the %1 is not valid UTF-8 text; it was not stored. Check the terminal&apos;s encoding.</source>
        <translation>Das Feld „%1“ ist kein gültiger UTF-8-Text und wurde nicht gespeichert. Die Zeichenkodierung des Terminals prüfen.</translation>
    </message>
    <message>
        <source>The team hub: a PostgreSQL database where teammates share check-in windows and
messages wait for the recipient&apos;s next window.

  fermata hub init --url postgresql://ADMIN@HOST:PORT/DB
  fermata hub add-member --team TEAM --name NAME --email EMAIL --tz ZONE [--admin] [--url URL]
  fermata hub remove-member --email EMAIL | --user LOGIN [--url URL]
  fermata hub join --url postgresql://HOST:PORT/DB --user LOGIN   (password on stdin or FERMATA_HUB_PASSWORD)
  With a standby, list both servers: postgresql://HOST1:PORT1,HOST2:PORT2/DB (the one that
  takes writes is used, and found again after a failover)
  fermata hub status | sync [--wait SECONDS] | team [--json] | leave
  fermata hub commitments [--json]   (what your team shares: who, what, estimate, due, status,
                                      the day the work ends, note, who waits for it; share with
                                      &apos;fermata tasks share ID&apos;)
  fermata hub windows --set &quot;mon-fri 09:00-09:30&quot; [--set ...] [--tz ZONE] | --clear</source>
        <translation>Der Team-Hub: eine PostgreSQL-Datenbank, in der Teammitglieder ihre Check-in-Fenster teilen
und Nachrichten auf das nächste Fenster des Empfängers warten.

  fermata hub init --url postgresql://ADMIN@HOST:PORT/DB
  fermata hub add-member --team TEAM --name NAME --email EMAIL --tz ZONE [--admin] [--url URL]
  fermata hub remove-member --email EMAIL | --user LOGIN [--url URL]
  fermata hub join --url postgresql://HOST:PORT/DB --user LOGIN   (Passwort auf stdin oder in FERMATA_HUB_PASSWORD)
  Mit einem Standby beide Server angeben: postgresql://HOST1:PORT1,HOST2:PORT2/DB (benutzt wird der,
  der Schreibzugriffe annimmt, und nach einem Failover wiedergefunden)
  fermata hub status | sync [--wait SECONDS] | team [--json] | leave
  fermata hub commitments [--json]   (was Ihr Team teilt: wer, was, Schätzung, Fälligkeit, Status,
                                      der Tag, an dem die Arbeit endet, Notiz, wer darauf wartet;
                                      teilen mit &apos;fermata tasks share ID&apos;)
  fermata hub windows --set &quot;mon-fri 09:00-09:30&quot; [--set ...] [--tz ZONE] | --clear</translation>
    </message>
    <message>
        <source>The hub database, postgresql://USER@HOST:PORT[,HOST2:PORT2]/DB.</source>
        <translation>Die Hub-Datenbank, postgresql://USER@HOST:PORT[,HOST2:PORT2]/DB.</translation>
    </message>
    <message>
        <source>Your login (join) or the member&apos;s (remove-member).</source>
        <translation>Ihr Login (join) oder das des Mitglieds (remove-member).</translation>
    </message>
    <message>
        <source>Team name.</source>
        <translation>Name des Teams.</translation>
    </message>
    <message>
        <source>The member&apos;s name.</source>
        <translation>Name des Mitglieds.</translation>
    </message>
    <message>
        <source>The member&apos;s email.</source>
        <translation>E-Mail-Adresse des Mitglieds.</translation>
    </message>
    <message>
        <source>IANA time zone, e.g. Europe/Berlin.</source>
        <translation>IANA-Zeitzone, z. B. Europe/Berlin.</translation>
    </message>
    <message>
        <source>The new member may set team windows.</source>
        <translation>Das neue Mitglied darf Team-Fenster festlegen.</translation>
    </message>
    <message>
        <source>sync: stay up to SECONDS for a message.</source>
        <translation>sync: bis zu SECONDS Sekunden auf eine Nachricht warten.</translation>
    </message>
    <message>
        <source>windows: a window like &quot;mon-fri 09:00-09:30&quot;.</source>
        <translation>windows: ein Fenster wie &quot;mon-fri 09:00-09:30&quot;.</translation>
    </message>
    <message>
        <source>windows: publish no windows.</source>
        <translation>windows: keine Fenster veröffentlichen.</translation>
    </message>
    <message>
        <source>team, commitments: as JSON.</source>
        <translation>team, commitments: als JSON.</translation>
    </message>
    <message>
        <source>init, add-member, remove-member, join, leave, status, sync, team, windows, commitments</source>
        <translation>init, add-member, remove-member, join, leave, status, sync, team, windows, commitments</translation>
    </message>
    <message>
        <source>Say what to do: %1. &apos;fermata hub --help&apos; explains each.</source>
        <translation>Sagen, was zu tun ist: %1. &apos;fermata hub --help&apos; erklärt jede Aktion.</translation>
    </message>
    <message>
        <source>Left the team hub; messages already here stay.</source>
        <translation>Team-Hub verlassen; bereits vorhandene Nachrichten bleiben.</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>published, but Fermata could not keep them as your check-in windows here: %1</source>
        <translation>veröffentlicht, aber Fermata konnte sie hier nicht als Ihre Check-in-Fenster speichern: %1</translation>
    </message>
    <message>
        <source>Teammates&apos; messages now reach you at once. Other notifications are held until you set a check-in window again.</source>
        <translation>Nachrichten aus dem Team erreichen Sie jetzt sofort. Andere Benachrichtigungen werden zurückgehalten, bis Sie wieder ein Check-in-Fenster festlegen.</translation>
    </message>
</context>
<context>
    <name>fermata::cli::import</name>
    <message>
        <source>Imports an iCalendar (.ics) file from Google Calendar, Outlook, Apple Calendar,
Thunderbird or any CalDAV server. Importing the same calendar again updates it in
place: changed meetings move, deleted ones disappear, nothing is duplicated.

  fermata import FILE.ics [--name NAME] [--me ADDRESS]</source>
        <translation>Importiert eine iCalendar-Datei (.ics) aus Google Kalender, Outlook, Apple Kalender,
Thunderbird oder einem CalDAV-Server. Wird derselbe Kalender erneut importiert, wird er
aktualisiert: geänderte Termine wandern, gelöschte verschwinden, nichts wird doppelt.

  fermata import FILE.ics [--name NAME] [--me ADDRESS]</translation>
    </message>
    <message>
        <source>The calendar&apos;s name (default: the file name).</source>
        <translation>Name des Kalenders (Standard: der Dateiname).</translation>
    </message>
    <message>
        <source>Your e-mail address; invitations you declined stay free. Remembered for later imports. Repeatable.</source>
        <translation>Ihre E-Mail-Adresse; abgelehnte Einladungen bleiben frei. Wird für spätere Importe gemerkt. Wiederholbar.</translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation>Keinen Fortschritt ausgeben.</translation>
    </message>
    <message>
        <source>The .ics file to import.</source>
        <translation>Die zu importierende .ics-Datei.</translation>
    </message>
    <message>
        <source>Give one .ics file, e.g. fermata import ~/Downloads/work.ics</source>
        <translation>Eine .ics-Datei angeben, z. B. fermata import ~/Downloads/work.ics</translation>
    </message>
    <message>
        <source>There is no file %1</source>
        <translation>Es gibt keine Datei %1</translation>
    </message>
    <message>
        <source>importing %1: %2%</source>
        <translation>importiere %1: %2 %</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>fermata::cli::inbox</name>
    <message>
        <source>&quot;%1&quot; is not an item id; `fermata inbox` lists them (--json shows &quot;id&quot;)</source>
        <translation>&quot;%1&quot; ist keine Eintrags-ID; `fermata inbox` listet sie auf (--json zeigt &quot;id&quot;)</translation>
    </message>
    <message>
        <source>name the items, e.g. fermata inbox %1 12 13</source>
        <translation>die Einträge nennen, z. B. fermata inbox %1 12 13</translation>
    </message>
    <message>
        <source>Marked done: %1</source>
        <translation>Als erledigt markiert: %1</translation>
    </message>
    <message>
        <source>Archived: %1</source>
        <translation>Archiviert: %1</translation>
    </message>
    <message>
        <source>Lists held and released notifications, newest first: title, source, sender, state,
when it arrived and when it was released; or marks items done or archived (a teammate&apos;s
message then reads &quot;Read&quot; in its sender&apos;s outbox).

  fermata inbox [--json] [--held] [--limit N]
  fermata inbox done ID... | fermata inbox archive ID...</source>
        <translation>Listet zurückgehaltene und freigegebene Benachrichtigungen, neueste zuerst: Titel, Quelle,
Absender, Status, Eingang und Freigabe; oder markiert Einträge als erledigt oder archiviert
(die Nachricht eines Teammitglieds steht dann im Postausgang des Absenders als „Gelesen“).

  fermata inbox [--json] [--held] [--limit N]
  fermata inbox done ID... | fermata inbox archive ID...</translation>
    </message>
    <message>
        <source>List as JSON.</source>
        <translation>Als JSON auflisten.</translation>
    </message>
    <message>
        <source>Only what is still held.</source>
        <translation>Nur, was noch zurückgehalten wird.</translation>
    </message>
    <message>
        <source>At most N items (default 200; 0: all).</source>
        <translation>Höchstens N Einträge (Standard 200; 0: alle).</translation>
    </message>
    <message>
        <source>--limit takes a number, e.g. --limit 50</source>
        <translation>--limit erwartet eine Zahl, z. B. --limit 50</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; use done or archive</source>
        <translation>Unbekannter Befehl &quot;%1&quot;; done oder archive verwenden</translation>
    </message>
    <message>
        <source>The inbox is empty. Send something with: fermata notify --source test --title Hello</source>
        <translation>Der Posteingang ist leer. Etwas senden mit: fermata notify --source test --title Hallo</translation>
    </message>
    <message>
        <source>received %1, released %2 (%3)</source>
        <translation>eingegangen %1, freigegeben %2 (%3)</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
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
        <source>arrived during a check-in window</source>
        <translation>kam während eines Check-in-Fensters an</translation>
    </message>
    <message>
        <source>arrived outside your check-in windows</source>
        <translation>kam außerhalb Ihrer Check-in-Fenster an</translation>
    </message>
    <message>
        <source>arrived during focus time</source>
        <translation>kam während der Fokuszeit an</translation>
    </message>
    <message>
        <source>this source always waits for a check-in</source>
        <translation>diese Quelle wartet immer auf einen Check-in</translation>
    </message>
    <message>
        <source>this source is always allowed</source>
        <translation>diese Quelle ist immer erlaubt</translation>
    </message>
    <message>
        <source>this source is muted</source>
        <translation>diese Quelle ist stummgeschaltet</translation>
    </message>
    <message>
        <source>broke through: urgent from your team</source>
        <translation>durchgekommen: dringend aus Ihrem Team</translation>
    </message>
    <message>
        <source>broke through: critical, from a source you chose</source>
        <translation>durchgekommen: kritisch, aus einer von Ihnen gewählten Quelle</translation>
    </message>
    <message>
        <source>broke through: a VIP sender</source>
        <translation>durchgekommen: ein VIP-Absender</translation>
    </message>
    <message>
        <source>broke through: %1 is a VIP sender</source>
        <translation>durchgekommen: %1 ist ein VIP-Absender</translation>
    </message>
    <message>
        <source>broke through: a keyword matched</source>
        <translation>durchgekommen: ein Stichwort passte</translation>
    </message>
    <message>
        <source>broke through: the keyword “%1” matched</source>
        <translation>durchgekommen: das Stichwort „%1“ passte</translation>
    </message>
    <message>
        <source>this hour&apos;s limit of interruptions was reached</source>
        <translation>das Limit an Unterbrechungen für diese Stunde war erreicht</translation>
    </message>
    <message>
        <source>from your team, released for your check-in window</source>
        <translation>aus Ihrem Team, für Ihr Check-in-Fenster freigegeben</translation>
    </message>
    <message>
        <source>from your team: work you wait for changed</source>
        <translation>aus Ihrem Team: Arbeit, auf die Sie warten, hat sich geändert</translation>
    </message>
    <message>
        <source>due now: a check-in window is open</source>
        <translation>jetzt fällig: ein Check-in-Fenster ist offen</translation>
    </message>
    <message>
        <source>held until your next check-in window, %1</source>
        <translation>zurückgehalten bis zu Ihrem nächsten Check-in-Fenster, %1</translation>
    </message>
    <message>
        <source>held: no check-in window is set</source>
        <translation>zurückgehalten: kein Check-in-Fenster festgelegt</translation>
    </message>
    <message>
        <source>received %1, %2 (%3)</source>
        <translation>eingegangen %1, %2 (%3)</translation>
    </message>
    <message>
        <source>received %1 (%2)</source>
        <translation>eingegangen %1 (%2)</translation>
    </message>
</context>
<context>
    <name>fermata::cli::insights</name>
    <message>
        <source>Cannot read --from &apos;%1&apos;. Write a day like 2026-03-02.</source>
        <translation>--from &apos;%1&apos; ist nicht lesbar. Einen Tag schreiben wie 2026-03-02.</translation>
    </message>
    <message>
        <source>Cannot read --to &apos;%1&apos;. Write a day like 2026-03-08.</source>
        <translation>--to &apos;%1&apos; ist nicht lesbar. Einen Tag schreiben wie 2026-03-08.</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2).</source>
        <translation>--to (%1) liegt vor --from (%2).</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source>Unbroken</source>
        <translation>Am Stück</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Blocks planned</source>
        <translation>Blöcke geplant</translation>
    </message>
    <message>
        <source>worked</source>
        <translation>genutzt</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verlegt</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>entfallen</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>In digest</source>
        <translation>In Zusammenfassung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Let through (by rule)</source>
        <translation>Durchgelassen (nach Regel)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
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
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Insights %1 – %2 (hours:minutes)</source>
        <translation>Auswertung %1 – %2 (Stunden:Minuten)</translation>
    </message>
    <message>
        <source>Sessions: %1 started, %2 finished, %3 extended, %4 stopped early, %5 running</source>
        <translation>Sitzungen: %1 begonnen, %2 beendet, %3 verlängert, %4 vorzeitig abgebrochen, %5 laufend</translation>
    </message>
    <message>
        <source>Early peeks: %1   Urgent messages sent: %2</source>
        <translation>Vorzeitige Blicke: %1   Dringende Nachrichten gesendet: %2</translation>
    </message>
    <message>
        <source>What deep work and held interruptions added up to: focus time, the longest unbroken
stretch and meetings per day and week, focus blocks planned, worked, moved and dropped,
notifications held, released and let through per source, and estimates per tag.

  fermata insights [--from 2026-03-02 --to 2026-03-29] [--json]

Dates are days in your time zone; --to includes that day. Default: this week so far.</source>
        <translation>Was konzentrierte Arbeit und zurückgehaltene Unterbrechungen ergaben: Fokuszeit, die längste
Strecke am Stück und Termine pro Tag und Woche, Fokusblöcke geplant, genutzt, verlegt
und entfallen, Benachrichtigungen zurückgehalten, freigegeben und durchgelassen pro Quelle,
und Schätzungen pro Schlagwort.

  fermata insights [--from 2026-03-02 --to 2026-03-29] [--json]

Daten sind Tage in Ihrer Zeitzone; --to schließt diesen Tag ein. Standard: diese Woche bisher.</translation>
    </message>
    <message>
        <source>First day.</source>
        <translation>Erster Tag.</translation>
    </message>
    <message>
        <source>Last day, included.</source>
        <translation>Letzter Tag, einschließlich.</translation>
    </message>
    <message>
        <source>Print every figure as JSON.</source>
        <translation>Alle Zahlen als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Cannot read --%1 &apos;%2&apos;. Write a day like 2026-03-02.</source>
        <translation>--%1 &apos;%2&apos; ist nicht lesbar. Einen Tag schreiben wie 2026-03-02.</translation>
    </message>
</context>
<context>
    <name>fermata::cli::notify</name>
    <message>
        <source>Delivered notification %1</source>
        <translation>Benachrichtigung %1 zugestellt</translation>
    </message>
    <message>
        <source>Held notification %1</source>
        <translation>Benachrichtigung %1 zurückgehalten</translation>
    </message>
    <message>
        <source>Hands a notification to Fermata. Outside your check-in windows it is held and shown
in the digest when the next window opens. Exits 0 once it is safely stored.

  fermata notify --source NAME [--sender S] --title T [--body B] [--urgency low|normal|critical]</source>
        <translation>Übergibt Fermata eine Benachrichtigung. Außerhalb Ihrer Check-in-Fenster wird sie zurückgehalten
und in der Zusammenfassung gezeigt, wenn das nächste Fenster öffnet. Endet mit 0, sobald sie
sicher gespeichert ist.

  fermata notify --source NAME [--sender S] --title T [--body B] [--urgency low|normal|critical]</translation>
    </message>
    <message>
        <source>Which app or script sends it (required).</source>
        <translation>Welche App oder welches Skript sie sendet (erforderlich).</translation>
    </message>
    <message>
        <source>Who it is from.</source>
        <translation>Von wem sie stammt.</translation>
    </message>
    <message>
        <source>What it says in one line (required).</source>
        <translation>Was sie in einer Zeile sagt (erforderlich).</translation>
    </message>
    <message>
        <source>More text.</source>
        <translation>Weiterer Text.</translation>
    </message>
    <message>
        <source>low, normal (default) or critical.</source>
        <translation>low, normal (Standard) oder critical.</translation>
    </message>
    <message>
        <source>Give at least --source and --title, e.g. fermata notify --source backup --title &quot;Backup finished&quot;</source>
        <translation>Mindestens --source und --title angeben, z. B. fermata notify --source backup --title &quot;Sicherung fertig&quot;</translation>
    </message>
    <message>
        <source>--urgency must be low, normal or critical.</source>
        <translation>--urgency muss low, normal oder critical sein.</translation>
    </message>
    <message>
        <source>Fermata took notification %1</source>
        <translation>Fermata hat Benachrichtigung %1 angenommen</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>fermata::cli::outbox</name>
    <message>
        <source>Lists the messages you sent: held until their recipient&apos;s window, delivered, read or
withdrawn, with release times; and whether the team hub has them yet.

  fermata outbox [--json] [--offline]</source>
        <translation>Listet Ihre gesendeten Nachrichten: zurückgehalten bis zum Fenster des Empfängers, zugestellt,
gelesen oder zurückgezogen, mit Zustellzeiten; und ob der Team-Hub sie schon hat.

  fermata outbox [--json] [--offline]</translation>
    </message>
    <message>
        <source>As JSON.</source>
        <translation>Als JSON.</translation>
    </message>
    <message>
        <source>Do not contact the hub; show the local copy.</source>
        <translation>Den Hub nicht kontaktieren; die lokale Kopie zeigen.</translation>
    </message>
    <message>
        <source>Not contacting the team hub (--offline): states as of the last sync.</source>
        <translation>Team-Hub wird nicht kontaktiert (--offline): Stand der letzten Synchronisierung.</translation>
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
        <source>Nothing sent yet. Send with: fermata send --to MEMBER --subject S --body B</source>
        <translation>Noch nichts gesendet. Senden mit: fermata send --to MEMBER --subject S --body B</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>gelesen %1</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>zugestellt %1</translation>
    </message>
    <message>
        <source>(urgent)</source>
        <translation>(dringend)</translation>
    </message>
    <message>
        <source>draft, not sent</source>
        <translation>Entwurf, nicht gesendet</translation>
    </message>
    <message>
        <source>held for their window</source>
        <translation>bis zu ihrem Fenster zurückgehalten</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
</context>
<context>
    <name>fermata::cli::plan</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>task %1: %2</source>
        <translation>Aufgabe %1: %2</translation>
    </message>
    <message>
        <source>Plans focus blocks.
  fermata plan --in request.json --out plan.json
  fermata plan --focusbench INSTANCE.json --out PLAN.json [--previous PLAN.json]
Use - for standard input or output.</source>
        <translation>Plant Fokusblöcke.
  fermata plan --in request.json --out plan.json
  fermata plan --focusbench INSTANCE.json --out PLAN.json [--previous PLAN.json]
- steht für Standardeingabe oder -ausgabe.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>A plan request (Fermata JSON).</source>
        <translation>Eine Planungsanfrage (Fermata-JSON).</translation>
    </message>
    <message>
        <source>A focusbench/1 instance.</source>
        <translation>Eine focusbench/1-Instanz.</translation>
    </message>
    <message>
        <source>Where to write the plan (default: -).</source>
        <translation>Wohin der Plan geschrieben wird (Standard: -).</translation>
    </message>
    <message>
        <source>The previous focusbench plan, kept where still valid.</source>
        <translation>Der vorige focusbench-Plan, beibehalten, wo er noch gilt.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (see --help)</source>
        <translation>unerwartetes Argument &quot;%1&quot; (siehe --help)</translation>
    </message>
    <message>
        <source>give exactly one of --in or --focusbench (see --help)</source>
        <translation>genau eines von --in oder --focusbench angeben (siehe --help)</translation>
    </message>
    <message>
        <source>--previous goes with --focusbench; a request carries its previous plan itself</source>
        <translation>--previous gehört zu --focusbench; eine Anfrage enthält ihren vorigen Plan selbst</translation>
    </message>
</context>
<context>
    <name>fermata::cli::send</name>
    <message>
        <source>The message on standard input is not valid UTF-8; nothing was sent.</source>
        <translation>Die Nachricht auf der Standardeingabe ist kein gültiges UTF-8; nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Sends a message to a teammate. It is held until their next check-in window (in their
time zone); this prints when that is. Without the hub it waits in the local outbox and
goes out on the next sync.

  fermata send --to MEMBER --subject SUBJECT --body BODY [--urgent]
  fermata send --to MEMBER --subject SUBJECT --body - &lt; message.txt</source>
        <translation>Sendet einem Teammitglied eine Nachricht. Sie wird bis zu seinem nächsten Check-in-Fenster
(in seiner Zeitzone) zurückgehalten; ausgegeben wird, wann das ist. Ohne den Hub wartet sie
im lokalen Postausgang und geht bei der nächsten Synchronisierung hinaus.

  fermata send --to MEMBER --subject SUBJECT --body BODY [--urgent]
  fermata send --to MEMBER --subject SUBJECT --body - &lt; message.txt</translation>
    </message>
    <message>
        <source>The teammate: login, email or name.</source>
        <translation>Das Teammitglied: Login, E-Mail oder Name.</translation>
    </message>
    <message>
        <source>Subject line.</source>
        <translation>Betreffzeile.</translation>
    </message>
    <message>
        <source>The message; - reads it from standard input.</source>
        <translation>Die Nachricht; - liest sie von der Standardeingabe.</translation>
    </message>
    <message>
        <source>Deliver now instead of at their next window (counted).</source>
        <translation>Sofort zustellen statt im nächsten Fenster (wird gezählt).</translation>
    </message>
    <message>
        <source>Only say when it would be read; send nothing.</source>
        <translation>Nur sagen, wann sie gelesen würde; nichts senden.</translation>
    </message>
    <message>
        <source>Give --to MEMBER and --body TEXT (and usually --subject).</source>
        <translation>--to MEMBER und --body TEXT angeben (und meist --subject).</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>Empfänger</translation>
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
        <source>This Fermata has not joined a team hub yet: run fermata hub join --url URL --user USER.</source>
        <translation>Dieses Fermata ist noch keinem Team-Hub beigetreten: fermata hub join --url URL --user USER ausführen.</translation>
    </message>
    <message>
        <source>The team hub refused it; it stays in your outbox as a draft.</source>
        <translation>Der Team-Hub hat sie abgelehnt; sie bleibt als Entwurf in Ihrem Postausgang.</translation>
    </message>
    <message>
        <source>The team hub refused it (%1); it stays in your outbox as a draft.</source>
        <translation>Der Team-Hub hat sie abgelehnt (%1); sie bleibt als Entwurf in Ihrem Postausgang.</translation>
    </message>
    <message>
        <source>%1. It goes out on the next sync (fermata hub sync).</source>
        <translation>%1. Sie geht bei der nächsten Synchronisierung hinaus (fermata hub sync).</translation>
    </message>
</context>
<context>
    <name>fermata::cli::serve</name>
    <message>
        <source>Runs the attention engine without a window until interrupted: takes notifications
from `fermata notify` (and HTTP, if enabled), holds them outside check-in windows,
shows the digest when a window opens and switches the desktop&apos;s Do Not Disturb.
Starts a focus session at each planned focus block and ends it at the block&apos;s end.
With a team hub joined, keeps in sync with it as the window does: sends what waits,
and brings teammates&apos; messages into the Inbox when they are released to you.
Keeps calendars current as the window does: refreshes subscriptions, rewrites a
kept-updated export and syncs CalDAV accounts.
Prints &quot;ready&quot; once it takes notifications.</source>
        <translation>Führt die Aufmerksamkeits-Engine ohne Fenster aus, bis sie unterbrochen wird: nimmt
Benachrichtigungen von `fermata notify` (und HTTP, falls aktiviert) an, hält sie außerhalb
der Check-in-Fenster zurück, zeigt die Zusammenfassung, wenn ein Fenster öffnet, und schaltet
„Nicht stören“ des Desktops. Startet zu jedem geplanten Fokusblock eine Fokussitzung und
beendet sie am Ende des Blocks. Mit einem Team-Hub bleibt sie wie das Fenster mit ihm
abgeglichen: sendet, was wartet, und holt Nachrichten aus dem Team in den Posteingang, sobald
sie für Sie freigegeben sind. Hält Kalender wie das Fenster aktuell: aktualisiert Abonnements,
schreibt einen laufend aktualisierten Export neu und gleicht CalDAV-Konten ab.
Gibt &quot;ready&quot; aus, sobald sie Benachrichtigungen annimmt.</translation>
    </message>
</context>
<context>
    <name>fermata::cli::subscribe</name>
    <message>
        <source>Subscribes to a calendar&apos;s private ICS address (Google: Settings &gt; your calendar &gt;
Secret address in iCal format; Outlook: Publish calendar &gt; ICS). Fermata fetches it
now and every hour while it runs; without a network it keeps the last copy.

  fermata subscribe URL [--name NAME] [--every MINUTES]
  fermata subscribe --remove NAME</source>
        <translation>Abonniert die private ICS-Adresse eines Kalenders (Google: Einstellungen &gt; Ihr Kalender &gt;
Privatadresse im iCal-Format; Outlook: Kalender veröffentlichen &gt; ICS). Fermata ruft sie
jetzt und stündlich ab, solange es läuft; ohne Netz behält es die letzte Kopie.

  fermata subscribe URL [--name NAME] [--every MINUTES]
  fermata subscribe --remove NAME</translation>
    </message>
    <message>
        <source>The calendar&apos;s name (default: the server&apos;s name).</source>
        <translation>Name des Kalenders (Standard: der Name des Servers).</translation>
    </message>
    <message>
        <source>Minutes between refreshes (default 60).</source>
        <translation>Minuten zwischen Aktualisierungen (Standard 60).</translation>
    </message>
    <message>
        <source>Unsubscribe and remove the calendar&apos;s events.</source>
        <translation>Abonnement beenden und die Termine des Kalenders entfernen.</translation>
    </message>
    <message>
        <source>https:// or webcal:// address</source>
        <translation>https://- oder webcal://-Adresse</translation>
    </message>
    <message>
        <source>Give one address, e.g. fermata subscribe https://example.com/work.ics</source>
        <translation>Eine Adresse angeben, z. B. fermata subscribe https://example.com/work.ics</translation>
    </message>
    <message>
        <source>Unsubscribed from %1; its events are gone.</source>
        <translation>Abonnement von %1 beendet; seine Termine sind entfernt.</translation>
    </message>
    <message>
        <source>--every takes minutes, 5 or more.</source>
        <translation>--every erwartet Minuten, 5 oder mehr.</translation>
    </message>
    <message>
        <source>Subscribed to %1 as &quot;%2&quot;.</source>
        <translation>%1 als &quot;%2&quot; abonniert.</translation>
    </message>
    <message>
        <source>Lists calendar subscriptions: address (secrets hidden), last refresh and any error.

  fermata subscriptions [--json]</source>
        <translation>Listet Kalender-Abonnements: Adresse (Geheimnisse verborgen), letzte Aktualisierung und Fehler.

  fermata subscriptions [--json]</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>No subscriptions. Add one with: fermata subscribe https://example.com/work.ics --name Work</source>
        <translation>Keine Abonnements. Eines hinzufügen mit: fermata subscribe https://example.com/work.ics --name Arbeit</translation>
    </message>
    <message>
        <source>refreshed %1, %2 events</source>
        <translation>aktualisiert %1, %2 Termine</translation>
    </message>
    <message>
        <source>never refreshed</source>
        <translation>nie aktualisiert</translation>
    </message>
    <message>
        <source>, every %1 min</source>
        <translation>, alle %1 min</translation>
    </message>
    <message>
        <source>last attempt %1 failed: %2</source>
        <translation>letzter Versuch %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Fetches every subscribed calendar now (for scripts and cron). A calendar that cannot
be reached keeps its last copy; the exit code is 1 when any refresh failed.

  fermata refresh</source>
        <translation>Ruft jetzt alle abonnierten Kalender ab (für Skripte und cron). Ein nicht erreichbarer
Kalender behält seine letzte Kopie; der Exit-Code ist 1, wenn eine Aktualisierung fehlschlug.

  fermata refresh</translation>
    </message>
</context>
<context>
    <name>fermata::cli::tasks</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
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
        <source> after a commitment the team no longer shares (%1)</source>
        <translation> nach einer Zusage, die das Team nicht mehr teilt (%1)</translation>
    </message>
    <message>
        <source> after %1&apos;s &apos;%2&apos;</source>
        <translation> nach &apos;%2&apos; von %1</translation>
    </message>
    <message>
        <source>No tasks yet. Add one with: fermata tasks add &quot;Write report&quot; --estimate 2h</source>
        <translation>Noch keine Aufgaben. Eine hinzufügen mit: fermata tasks add &quot;Bericht schreiben&quot; --estimate 2h</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> bis %1</translation>
    </message>
    <message>
        <source>%1 of %2 min left</source>
        <translation>%1 von %2 min übrig</translation>
    </message>
    <message>
        <source>Not understood, kept in the title: &quot;%1&quot;</source>
        <translation>Nicht verstanden, im Titel belassen: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>No task called &quot;%1&quot;; check the title.</source>
        <translation>Keine Aufgabe namens &quot;%1&quot;; den Titel prüfen.</translation>
    </message>
    <message>
        <source>--note is a note for your team; add the word share to share the task.</source>
        <translation>--note ist eine Notiz für Ihr Team; das Wort share ergänzen, um die Aufgabe zu teilen.</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Cannot read the estimate &apos;%1&apos;. Write it like 45m, 2h or 1h30m.</source>
        <translation>Die Schätzung &apos;%1&apos; ist nicht lesbar. Schreibweise wie 45m, 2h oder 1h30m.</translation>
    </message>
    <message>
        <source>Priority must be P1, P2, P3 or P4.</source>
        <translation>Die Priorität muss P1, P2, P3 oder P4 sein.</translation>
    </message>
    <message>
        <source>Cannot read the deadline &apos;%1&apos;. Write it like 2026-12-01 or 2026-12-01T15:30 (your time zone; add Z or +01:00 for another).</source>
        <translation>Die Frist &apos;%1&apos; ist nicht lesbar. Schreibweise wie 2026-12-01 oder 2026-12-01T15:30 (Ihre Zeitzone; Z oder +01:00 anhängen für eine andere).</translation>
    </message>
    <message>
        <source>Added task %1: %2%3%4</source>
        <translation>Aufgabe %1 hinzugefügt: %2%3%4</translation>
    </message>
    <message>
        <source>Give the task&apos;s number, as &apos;fermata tasks&apos; lists it.</source>
        <translation>Die Nummer der Aufgabe angeben, wie &apos;fermata tasks&apos; sie auflistet.</translation>
    </message>
    <message>
        <source>Task %1 is done.</source>
        <translation>Aufgabe %1 ist erledigt.</translation>
    </message>
    <message>
        <source>Give the task&apos;s number and how long you worked, e.g. fermata tasks log 3 45m.</source>
        <translation>Die Nummer der Aufgabe und die gearbeitete Zeit angeben, z. B. fermata tasks log 3 45m.</translation>
    </message>
    <message>
        <source>Cannot read the time &apos;%1&apos;. Write it like 45m, 2h or 1h30m.</source>
        <translation>Die Zeit &apos;%1&apos; ist nicht lesbar. Schreibweise wie 45m, 2h oder 1h30m.</translation>
    </message>
    <message>
        <source>Cannot read the time &apos;%1&apos;. Write when you stopped like 2026-12-01T14:30.</source>
        <translation>Die Zeit &apos;%1&apos; ist nicht lesbar. Das Ende der Arbeit schreiben wie 2026-12-01T14:30.</translation>
    </message>
    <message>
        <source>Recorded %1 min on task %2, ending %3; %4 min left.</source>
        <translation>%1 min für Aufgabe %2 erfasst, Ende %3; %4 min übrig.</translation>
    </message>
    <message>
        <source>work ends %1</source>
        <translation>Arbeit endet %1</translation>
    </message>
    <message>
        <source>Task %1 is shared with your team: %2</source>
        <translation>Aufgabe %1 ist mit Ihrem Team geteilt: %2</translation>
    </message>
    <message>
        <source>Team hub unreachable</source>
        <translation>Team-Hub nicht erreichbar</translation>
    </message>
    <message>
        <source>%1. Your team sees it after the next sync (fermata hub sync).</source>
        <translation>%1. Ihr Team sieht sie nach der nächsten Synchronisierung (fermata hub sync).</translation>
    </message>
    <message>
        <source>Not on the team hub yet</source>
        <translation>Noch nicht auf dem Team-Hub</translation>
    </message>
    <message>
        <source>Task %1 was added but not shared: sharing needs a team hub. Join one with &apos;fermata hub join --url URL --user USER&apos;, then run &apos;fermata tasks share %1&apos;.</source>
        <translation>Aufgabe %1 wurde hinzugefügt, aber nicht geteilt: Teilen braucht einen Team-Hub. Einem beitreten mit &apos;fermata hub join --url URL --user USER&apos;, dann &apos;fermata tasks share %1&apos; ausführen.</translation>
    </message>
    <message>
        <source>Task %1 is no longer shared with your team.</source>
        <translation>Aufgabe %1 wird nicht mehr mit Ihrem Team geteilt.</translation>
    </message>
    <message>
        <source>Team hub unreachable. Your team stops seeing it after the next sync (fermata hub sync).</source>
        <translation>Team-Hub nicht erreichbar. Ihr Team sieht sie nach der nächsten Synchronisierung (fermata hub sync) nicht mehr.</translation>
    </message>
    <message>
        <source>Lists, adds and completes tasks.

  fermata tasks [list] [--json]
  fermata tasks add TITLE [--estimate 2h] [--deadline 2026-12-01] [--priority P1]
  fermata tasks add Write report 2h by next wed p1 after &quot;Draft&quot;
  fermata tasks add Build client 3h after Ada&apos;s &quot;API spec&quot;   (or --after-commitment ID,
                                        as &apos;fermata hub commitments --json&apos; shows it)
  fermata tasks add Write report 2h share [--note TEXT]   (adds it, then shares it as
                                        below; without a team hub it is added unshared, exit 1)
  fermata tasks done ID
  fermata tasks log ID 45m [--at 2026-12-01T14:30]   (work done without a focus session;
                                        counts as time spent and lowers what is left)
  fermata tasks share ID [--note TEXT]   (your team sees title, estimate, due, status and
                                        the day the planned work ends; never focus times or notes)
  fermata tasks unshare ID</source>
        <translation>Listet, ergänzt und erledigt Aufgaben.

  fermata tasks [list] [--json]
  fermata tasks add TITLE [--estimate 2h] [--deadline 2026-12-01] [--priority P1]
  fermata tasks add Write report 2h by next wed p1 after &quot;Draft&quot;
  fermata tasks add Build client 3h after Ada&apos;s &quot;API spec&quot;   (oder --after-commitment ID,
                                        wie &apos;fermata hub commitments --json&apos; sie zeigt)
  fermata tasks add Write report 2h share [--note TEXT]   (fügt sie hinzu und teilt sie wie
                                        unten; ohne Team-Hub wird sie ungeteilt hinzugefügt, Exit 1)
  fermata tasks done ID
  fermata tasks log ID 45m [--at 2026-12-01T14:30]   (Arbeit ohne Fokussitzung; zählt als
                                        aufgewendete Zeit und verringert, was übrig ist)
  fermata tasks share ID [--note TEXT]   (Ihr Team sieht Titel, Schätzung, Fälligkeit, Status und
                                        den Tag, an dem die geplante Arbeit endet; nie Fokuszeiten oder Notizen)
  fermata tasks unshare ID</translation>
    </message>
    <message>
        <source>List as JSON.</source>
        <translation>Als JSON auflisten.</translation>
    </message>
    <message>
        <source>How long the work takes: 45m, 2h, 1h30m.</source>
        <translation>Wie lange die Arbeit dauert: 45m, 2h, 1h30m.</translation>
    </message>
    <message>
        <source>Due date (17:00) or date and time (2026-12-01T15:30), in your time zone unless it ends in Z or +01:00.</source>
        <translation>Fälligkeitsdatum (17:00) oder Datum und Uhrzeit (2026-12-01T15:30), in Ihrer Zeitzone, außer es endet auf Z oder +01:00.</translation>
    </message>
    <message>
        <source>P1 (most important) to P4.</source>
        <translation>P1 (am wichtigsten) bis P4.</translation>
    </message>
    <message>
        <source>add: wait for a teammate&apos;s shared commitment (its id or the start of it).</source>
        <translation>add: auf die geteilte Zusage eines Teammitglieds warten (ihre ID oder deren Anfang).</translation>
    </message>
    <message>
        <source>share, add … share: a note your team sees with the task (an empty one removes it).</source>
        <translation>share, add … share: eine Notiz, die Ihr Team mit der Aufgabe sieht (eine leere entfernt sie).</translation>
    </message>
    <message>
        <source>log: when you stopped (default: now), in your time zone.</source>
        <translation>log: wann Sie aufgehört haben (Standard: jetzt), in Ihrer Zeitzone.</translation>
    </message>
    <message>
        <source>list (default), add, done, log, share or unshare</source>
        <translation>list (Standard), add, done, log, share oder unshare</translation>
    </message>
    <message>
        <source>Unknown action &apos;%1&apos;. Use list, add, done, log, share or unshare.</source>
        <translation>Unbekannte Aktion &apos;%1&apos;. list, add, done, log, share oder unshare verwenden.</translation>
    </message>
</context>
</TS>
