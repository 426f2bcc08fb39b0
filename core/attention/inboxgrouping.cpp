#include "attention/inboxgrouping.h"

#include <QHashFunctions>

namespace fermata {

size_t qHash(const InboxGroupKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.source, key.sender);
}

namespace inboxgrouping {

bool listedBefore(const InboxGroupKey &a, int countA, const InboxGroupKey &b, int countB)
{
    if (countA != countB)
        return countA > countB;
    // As people read names, not by code point: the Inbox and the digest list the same order.
    if (const int bySource = a.source.localeAwareCompare(b.source); bySource != 0)
        return bySource < 0;
    return a.sender.localeAwareCompare(b.sender) < 0;
}

} // namespace inboxgrouping

} // namespace fermata
