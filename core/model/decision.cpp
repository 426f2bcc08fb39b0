#include "model/decision.h"

#include <array>
#include <utility>

namespace fermata {

namespace {

constexpr std::array<std::pair<DecisionReason, const char *>, 12> s_reasons = {{
    {DecisionReason::InsideWindow, "inside-window"},
    {DecisionReason::OutsideWindow, "outside-window"},
    {DecisionReason::FocusBlock, "focus"},
    {DecisionReason::SourceAlwaysHold, "source-always-hold"},
    {DecisionReason::SourceAlwaysAllow, "source-always-allow"},
    {DecisionReason::SourceMuted, "source-muted"},
    {DecisionReason::CriticalBreakThrough, "critical"},
    {DecisionReason::VipBreakThrough, "vip"},
    {DecisionReason::KeywordBreakThrough, "keyword"},
    {DecisionReason::BreakThroughCapReached, "break-through-cap"},
    {DecisionReason::TeamMessage, "team-message"},
    {DecisionReason::TeamCommitment, "team-commitment"},
}};

} // namespace

bool Decision::isBreakThrough() const
{
    return verdict == Verdict::Deliver
        && (reason == DecisionReason::CriticalBreakThrough
            || reason == DecisionReason::VipBreakThrough
            || reason == DecisionReason::KeywordBreakThrough);
}

QString verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Deliver: return QStringLiteral("deliver");
    case Verdict::Mute: return QStringLiteral("mute");
    case Verdict::Hold: break;
    }
    return QStringLiteral("hold");
}

Verdict verdictFromKey(const QString &key)
{
    if (key == u"deliver")
        return Verdict::Deliver;
    if (key == u"mute")
        return Verdict::Mute;
    return Verdict::Hold;
}

QString reasonKey(DecisionReason reason)
{
    for (const auto &[r, key] : s_reasons) {
        if (r == reason)
            return QString::fromLatin1(key);
    }
    return QStringLiteral("outside-window");
}

DecisionReason reasonFromKey(const QString &key)
{
    for (const auto &[r, k] : s_reasons) {
        if (key == QLatin1String(k))
            return r;
    }
    return DecisionReason::OutsideWindow;
}

} // namespace fermata
