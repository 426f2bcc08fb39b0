#include "attention/batchingrules.h"

#include <QDebug>
#include <QJsonArray>

#include <array>
#include <utility>

namespace fermata {

namespace {

// The first break-through that matches, if any.
std::optional<Decision> breakThrough(const Notification &n, const BatchingConfig &config)
{
    if (n.urgency == Urgency::Critical && config.criticalSources.contains(n.source))
        return Decision{Verdict::Deliver, DecisionReason::CriticalBreakThrough, n.source};
    for (const QString &vip : config.vipSenders) {
        if (!n.sender.isEmpty() && n.sender.compare(vip, Qt::CaseInsensitive) == 0)
            return Decision{Verdict::Deliver, DecisionReason::VipBreakThrough, vip};
    }
    for (const QString &keyword : config.keywords) {
        if (keyword.isEmpty())
            continue;
        if (n.title.contains(keyword, Qt::CaseInsensitive)
            || n.body.contains(keyword, Qt::CaseInsensitive))
            return Decision{Verdict::Deliver, DecisionReason::KeywordBreakThrough, keyword};
    }
    return std::nullopt;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromArray(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray()) {
        if (v.isString())
            list.append(v.toString());
    }
    return list;
}

} // namespace


Decision decide(const Notification &n, const BatchingConfig &config, const BatchingContext &context)
{
    switch (config.sourcePolicies.value(n.source, SourcePolicy::Default)) {
    case SourcePolicy::Mute:
        return {Verdict::Mute, DecisionReason::SourceMuted, n.source};
    case SourcePolicy::AlwaysAllow:
        return {Verdict::Deliver, DecisionReason::SourceAlwaysAllow, n.source};
    case SourcePolicy::AlwaysHold:
        return {Verdict::Hold, DecisionReason::SourceAlwaysHold, n.source};
    case SourcePolicy::Default:
        break;
    }
    if (context.insideWindow && !context.inFocus)
        return {Verdict::Deliver, DecisionReason::InsideWindow, {}};
    const DecisionReason holdReason = context.inFocus ? DecisionReason::FocusBlock
                                                      : DecisionReason::OutsideWindow;
    if (auto breaking = breakThrough(n, config)) {
        if (context.breakThroughsLastHour >= config.breakThroughsPerHour)
            return {Verdict::Hold, DecisionReason::BreakThroughCapReached, breaking->detail};
        return *breaking;
    }
    return {Verdict::Hold, holdReason, {}};
}

QString sourcePolicyKey(SourcePolicy policy)
{
    switch (policy) {
    case SourcePolicy::AlwaysHold: return QStringLiteral("hold");
    case SourcePolicy::AlwaysAllow: return QStringLiteral("allow");
    case SourcePolicy::Mute: return QStringLiteral("mute");
    case SourcePolicy::Default: break;
    }
    return QStringLiteral("default");
}

SourcePolicy sourcePolicyFromKey(const QString &key)
{
    if (key == u"hold")
        return SourcePolicy::AlwaysHold;
    if (key == u"allow")
        return SourcePolicy::AlwaysAllow;
    if (key == u"mute")
        return SourcePolicy::Mute;
    return SourcePolicy::Default;
}

QJsonObject BatchingConfig::toJson() const
{
    QJsonObject policies;
    for (auto it = sourcePolicies.cbegin(); it != sourcePolicies.cend(); ++it)
        policies.insert(it.key(), sourcePolicyKey(it.value()));
    QStringList critical(criticalSources.cbegin(), criticalSources.cend());
    QStringList vips(vipSenders.cbegin(), vipSenders.cend());
    critical.sort();
    vips.sort();
    return QJsonObject{
        {QStringLiteral("sources"), policies},
        {QStringLiteral("critical_sources"), toArray(critical)},
        {QStringLiteral("vip_senders"), toArray(vips)},
        {QStringLiteral("keywords"), toArray(keywords)},
        {QStringLiteral("break_throughs_per_hour"), breakThroughsPerHour},
        {QStringLiteral("strict"), strictMode},
    };
}

BatchingConfig BatchingConfig::fromJson(const QJsonObject &json)
{
    BatchingConfig config;
    const QJsonObject policies = json.value(QStringLiteral("sources")).toObject();
    for (auto it = policies.constBegin(); it != policies.constEnd(); ++it)
        config.sourcePolicies.insert(it.key(), sourcePolicyFromKey(it.value().toString()));
    for (const QString &s : fromArray(json.value(QStringLiteral("critical_sources"))))
        config.criticalSources.insert(s);
    for (const QString &s : fromArray(json.value(QStringLiteral("vip_senders"))))
        config.vipSenders.insert(s);
    config.keywords = fromArray(json.value(QStringLiteral("keywords")));
    config.breakThroughsPerHour = json.value(QStringLiteral("break_throughs_per_hour"))
                                      .toInt(config.breakThroughsPerHour);
    config.strictMode = json.value(QStringLiteral("strict")).toBool(false);
    return config;
}

QDebug operator<<(QDebug debug, const Decision &decision)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Decision(" << verdictKey(decision.verdict) << ", "
                    << reasonKey(decision.reason);
    if (!decision.detail.isEmpty())
        debug << ", " << decision.detail;
    return debug << ')';
}

void applyDecision(InboxItem &item, const Decision &decision, const QDateTime &now, int &breakThroughsLastHour)
{
    item.decision = decision;
    switch (decision.verdict) {
    case Verdict::Deliver:
        item.state = ItemState::Released;
        item.notification.releasedAt = now;
        break;
    case Verdict::Hold:
        item.state = ItemState::Held;
        break;
    case Verdict::Mute:
        item.state = ItemState::Muted;
        break;
    }
    if (decision.isBreakThrough())
        ++breakThroughsLastHour;
}

} // namespace fermata
