#pragma once

#include "time/weeklyrule.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace fermata {

// A teammate as the hub knows them: who, where (zone) and when they read (windows).
// Never whether they are online: Fermata has no presence.
struct HubMember
{
    qint64 id = 0;
    QString role;          // the login role, also the address messages use
    QString name;
    QString email;
    QByteArray timeZoneId;
    bool isAdmin = false;
    bool isActive = true;

    bool operator==(const HubMember &) const = default;
};

// A check-in window published in the hub: a member's own (memberId set) or the team's
// (memberId 0, set by a team admin).
struct HubWindow
{
    qint64 id = 0;
    qint64 memberId = 0;
    WeeklyRule rule;
    QString label;

    bool isTeamWindow() const { return memberId == 0; }
    bool operator==(const HubWindow &) const = default;
};

// A member just added by `hub add-member`: the password is shown once and never stored.
struct NewMember
{
    qint64 id = 0;
    QString role;
    QString password;
};

// What the hub says about a message this member sent.
struct SentStatus
{
    QUuid uuid;
    QString subject;
    QString body;
    QDateTime releaseAt;
    QDateTime deliveredAt;
    QDateTime acknowledgedAt;
    bool withdrawn = false;
    bool urgent = false;
};

// One entry of the change feed: 'message' (one of my sent messages changed), 'windows'
// (someone's windows changed), 'members' (someone joined or left).
struct HubChange
{
    QString kind;
    qint64 memberId = 0;
    QUuid message;
};

struct ChangeBatch
{
    QList<HubChange> changes;
    QString cursor; // pass back to pull the next batch
};

} // namespace fermata
