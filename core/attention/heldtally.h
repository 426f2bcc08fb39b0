#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace fermata {

// How many notifications are held, in all and per source: the one count behind the Inbox
// badge, the status chip, the folded Inbox and the focus end prompt. AttentionService keeps
// it: it adds what it holds and counts again when items leave the held state.
class HeldTally final
{
public:
    HeldTally() = default;
    explicit HeldTally(const QHash<QString, int> &bySource);

    void add(const QString &source, int count = 1);
    int total() const { return m_total; }
    int count(const QString &source) const { return m_bySource.value(source); }
    // Sources with something held: the most held first, then by name (as the Inbox groups).
    QList<std::pair<QString, int>> sources() const;

    bool operator==(const HeldTally &) const = default;

private:
    QHash<QString, int> m_bySource;
    int m_total = 0;
};

} // namespace fermata
