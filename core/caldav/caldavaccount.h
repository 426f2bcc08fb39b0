#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

class QDebug;

namespace fermata {

// A CalDAV account as stored (caldav_accounts). The app password is never here: it is in the
// keychain under secretKey().
struct CalDavAccount
{
    qint64 id = 0;
    QString name; // unique, e.g. "alice@cloud.example.com"; names the calendars' event sources
    QUrl url; // the address the person gave
    QString user;
    QUrl principalUrl; // what discovery found (may be empty)
    QUrl homeUrl; // the calendar home: later syncs start here without discovery
    // Random, made when the account is added: the events this account writes carry
    // X-FERMATA-BLOCK:<instance>. Only those are ever changed or deleted, and never imported.
    QString instance;
    QString blockTitle = QStringLiteral("Focus"); // the events' title; empty: the task's title
    QDateTime created;
    QDateTime lastAttempt;
    QDateTime lastSuccess;
    QString lastError; // empty when the last sync worked

    QString secretKey() const { return QStringLiteral("caldav:") + name; }
    bool usesTaskTitles() const { return blockTitle.isEmpty(); }
    bool operator==(const CalDavAccount &) const = default;
};

// One calendar of an account as last listed (caldav_calendars), with the person's choices:
// whether its events are read as meetings, and whether it receives the focus blocks (at most
// one calendar per account does).
struct CalDavCalendarRecord
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString href; // canonical collection href (caldavxml.h)
    QString displayName;
    QString color; // "#rrggbb" or empty
    bool isWritable = true;
    bool isOnServer = true; // false: the last listing no longer had it
    bool isRead = false;
    bool receivesBlocks = false;
    QString syncToken; // where the last sync-collection stopped; empty: read everything
    QString ctag;
    QString source; // the calendar_events source its events were imported as; empty: none
    qint64 eventCount = 0; // occurrences in the import horizon, from the last import
    QDateTime lastSync;

    // What people see: the display name, else the href's last segment.
    QString label() const;
    bool operator==(const CalDavCalendarRecord &) const = default;
};

QDebug operator<<(QDebug debug, const CalDavAccount &account);
QDebug operator<<(QDebug debug, const CalDavCalendarRecord &calendar);

} // namespace fermata
