#include "attention/digest.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace fermata {

namespace {

QString plural(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

Digest buildDigest(const QList<Notification> &notifications, int messageCount)
{
    Digest digest;
    digest.messageCount = messageCount;
    digest.notificationCount = int(notifications.size());

    // source -> index in digest.sources; (source index, sender) -> sender index;
    // (source, title) -> position of the collapsed entry.
    QHash<QString, qsizetype> sourceIndex;
    QHash<QString, qsizetype> senderIndex;
    QHash<QString, std::pair<qsizetype, qsizetype>> titleIndex;
    for (const Notification &n : notifications) {
        auto si = sourceIndex.constFind(n.source);
        if (si == sourceIndex.constEnd()) {
            si = sourceIndex.insert(n.source, digest.sources.size());
            digest.sources.append(DigestSource{n.source, 0, {}});
        }
        DigestSource &source = digest.sources[*si];
        ++source.count;

        // Duplicates are by source and title, whoever sent them: the first sender keeps them.
        const QString titleKey = n.source + QChar(0) + n.title;
        auto ti = titleIndex.constFind(titleKey);
        if (ti != titleIndex.constEnd()) {
            DigestSender &sender = source.senders[ti->first];
            DigestEntry &entry = sender.entries[ti->second];
            ++sender.count;
            ++entry.count;
            entry.latestAt = qMax(entry.latestAt, n.receivedAt);
            continue;
        }
        const QString senderKey = n.source + QChar(0) + n.sender;
        auto ei = senderIndex.constFind(senderKey);
        if (ei == senderIndex.constEnd()) {
            ei = senderIndex.insert(senderKey, source.senders.size());
            source.senders.append(DigestSender{n.sender, 0, {}});
        }
        DigestSender &sender = source.senders[*ei];
        ++sender.count;
        titleIndex.insert(titleKey, {*ei, sender.entries.size()});
        sender.entries.append(DigestEntry{n.title, 1, n.receivedAt});
    }
    auto byCountThenName = [](const auto &a, const auto &b, const QString &an, const QString &bn) {
        return a.count != b.count ? a.count > b.count : an < bn;
    };
    for (DigestSource &source : digest.sources) {
        for (DigestSender &sender : source.senders)
            std::stable_sort(sender.entries.begin(), sender.entries.end(),
                             [&](const DigestEntry &a, const DigestEntry &b) {
                                 return byCountThenName(a, b, a.title, b.title);
                             });
        std::stable_sort(source.senders.begin(), source.senders.end(),
                         [&](const DigestSender &a, const DigestSender &b) {
                             return byCountThenName(a, b, a.sender, b.sender);
                         });
    }
    std::stable_sort(digest.sources.begin(), digest.sources.end(),
                     [&](const DigestSource &a, const DigestSource &b) {
                         return byCountThenName(a, b, a.source, b.source);
                     });
    return digest;
}

QString Digest::summary() const
{
    QStringList parts;
    if (notificationCount > 0 || messageCount == 0) {
        QString text = plural(notificationCount, "notification", "notifications");
        if (notificationCount > 0)
            text += QStringLiteral(" from ") + plural(int(sources.size()), "source", "sources");
        parts.append(text);
    }
    if (messageCount > 0)
        parts.append(plural(messageCount, "message", "messages"));
    return parts.join(QStringLiteral(", "));
}

QString Digest::body(int maxLines) const
{
    QStringList lines;
    for (const DigestSource &source : sources) {
        for (const DigestSender &sender : source.senders) {
            for (const DigestEntry &entry : sender.entries) {
                if (lines.size() >= maxLines)
                    return lines.join(QLatin1Char('\n')) + QStringLiteral("\n…");
                QString line = source.source;
                if (!sender.sender.isEmpty())
                    line += QStringLiteral(" · ") + sender.sender;
                line += QStringLiteral(": ");
                if (entry.count > 1)
                    line += QStringLiteral("%1× ").arg(entry.count);
                line += entry.title;
                lines.append(line);
            }
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace fermata
