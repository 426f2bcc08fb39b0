#include "attention/digest.h"

#include "attention/inboxgrouping.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <algorithm>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

namespace {

QString plural(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

Digest buildDigest(const QList<Notification> &notifications, int messageCount)
{
    Digest digest;
    digest.messageCount = messageCount;
    digest.notificationCount = int(notifications.size());

    // Where each Inbox group (source and sender) sits: its sender's index in its source, and
    // its collapsed rows by title.
    struct Place
    {
        qsizetype sender = 0;
        QHash<QString, qsizetype> rows;
    };
    QHash<QString, qsizetype> sourceIndex;
    QHash<InboxGroupKey, Place> places;
    for (const Notification &n : notifications) {
        auto si = sourceIndex.constFind(n.source);
        if (si == sourceIndex.constEnd()) {
            si = sourceIndex.insert(n.source, digest.sources.size());
            digest.sources.append(DigestSource{n.source, 0, {}});
        }
        DigestSource &source = digest.sources[*si];
        ++source.count;

        const InboxGroupKey key = InboxGroupKey::of(n);
        auto place = places.find(key);
        if (place == places.end()) {
            place = places.insert(key, Place{source.senders.size(), {}});
            source.senders.append(DigestSender{n.sender, 0, {}});
        }
        DigestSender &sender = source.senders[place->sender];
        ++sender.count;
        const QString &title = inboxgrouping::rowKey(n);
        if (auto row = place->rows.constFind(title); row != place->rows.constEnd()) {
            DigestEntry &entry = sender.entries[*row];
            ++entry.count;
            entry.latestAt = qMax(entry.latestAt, n.receivedAt);
            continue;
        }
        place->rows.insert(title, sender.entries.size());
        sender.entries.append(DigestEntry{title, 1, n.receivedAt});
    }
    for (DigestSource &source : digest.sources) {
        for (DigestSender &sender : source.senders)
            std::stable_sort(sender.entries.begin(), sender.entries.end(),
                             [](const DigestEntry &a, const DigestEntry &b) {
                                 return a.count != b.count ? a.count > b.count : a.title < b.title;
                             });
        std::stable_sort(source.senders.begin(), source.senders.end(),
                         [&](const DigestSender &a, const DigestSender &b) {
                             return inboxgrouping::listedBefore({source.source, a.sender}, a.count,
                                                                {source.source, b.sender}, b.count);
                         });
    }
    std::stable_sort(digest.sources.begin(), digest.sources.end(),
                     [](const DigestSource &a, const DigestSource &b) {
                         return inboxgrouping::listedBefore({a.source, {}}, a.count, {b.source, {}}, b.count);
                     });
    return digest;
}

QString Digest::summary() const
{
    QStringList parts;
    if (notificationCount > 0 || messageCount == 0) {
        QString text = plural(notificationCount, Text::tr("notification"), Text::tr("notifications"));
        if (notificationCount > 0)
            text = Text::tr("%1 from %2")
                       .arg(text, plural(int(sources.size()), Text::tr("source"), Text::tr("sources")));
        parts.append(text);
    }
    if (messageCount > 0)
        parts.append(plural(messageCount, Text::tr("message"), Text::tr("messages")));
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
