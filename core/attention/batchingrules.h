#pragma once

#include "model/decision.h"
#include "model/inboxitem.h"
#include "model/notification.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

class QDebug;

namespace fermata {

// What a person chose for one source.
enum class SourcePolicy { Default, AlwaysHold, AlwaysAllow, Mute };

// The person's batching rules: per-source policies and what may break through.
struct BatchingConfig
{
    QHash<QString, SourcePolicy> sourcePolicies;
    QSet<QString> criticalSources; // critical urgency from these sources breaks through
    QSet<QString> vipSenders;      // compared case-insensitively
    QStringList keywords;          // matched case-insensitively in title and body
    int breakThroughsPerHour = 3;  // cap across all break-through kinds
    bool strictMode = false;       // desktop DND on outside windows too, not only in focus

    QJsonObject toJson() const;
    static BatchingConfig fromJson(const QJsonObject &json);
    bool operator==(const BatchingConfig &) const = default;
};

// Where the person is when a notification arrives.
struct BatchingContext
{
    bool insideWindow = false;
    bool inFocus = false;
    int breakThroughsLastHour = 0;
};

// The batching rules as a pure function: same notification, config and context, same decision.
// Order: mute, always allow, always hold, then inside a window (and not in focus) deliver;
// otherwise hold unless a break-through matches and the hourly cap is not reached.
Decision decide(const Notification &notification, const BatchingConfig &config,
                const BatchingContext &context);

// Records `decision` on `item`, decided at `now`: its state (released now, held or muted) and
// the release time. Counts a break-through in `breakThroughsLastHour`.
void applyDecision(InboxItem &item, const Decision &decision, const QDateTime &now, int &breakThroughsLastHour);

QString sourcePolicyKey(SourcePolicy policy);         // "default", "hold", "allow", "mute"
SourcePolicy sourcePolicyFromKey(const QString &key);

QDebug operator<<(QDebug debug, const Decision &decision);

} // namespace fermata
