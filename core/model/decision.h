#pragma once

#include <QString>

namespace fermata {

// What the attention engine decided for one notification on arrival, and why. Stored with
// the notification, so the Inbox can say it in words; the rules themselves live in
// attention/batchingrules.h.
enum class Verdict { Deliver, Hold, Mute };

enum class DecisionReason {
    InsideWindow,
    OutsideWindow,
    FocusBlock,
    SourceAlwaysHold,
    SourceAlwaysAllow,
    SourceMuted,
    CriticalBreakThrough,
    VipBreakThrough,
    KeywordBreakThrough,
    BreakThroughCapReached,
    TeamMessage,    // a teammate's message the team hub released for my window
    TeamCommitment, // a teammate's commitment that my tasks wait for changed
};

// One decision and why, stored with the notification.
struct Decision
{
    Verdict verdict = Verdict::Hold;
    DecisionReason reason = DecisionReason::OutsideWindow;
    QString detail; // e.g. the keyword or the VIP that matched

    bool isBreakThrough() const;
    bool operator==(const Decision &) const = default;
};

QString verdictKey(Verdict verdict);                  // "deliver", "hold", "mute"
Verdict verdictFromKey(const QString &key);
QString reasonKey(DecisionReason reason);             // "inside-window", ...
DecisionReason reasonFromKey(const QString &key);

} // namespace fermata
