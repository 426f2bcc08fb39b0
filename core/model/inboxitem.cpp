#include "model/inboxitem.h"

namespace fermata {

QString itemStateKey(ItemState state)
{
    switch (state) {
    case ItemState::Released: return QStringLiteral("released");
    case ItemState::Done: return QStringLiteral("done");
    case ItemState::Archived: return QStringLiteral("archived");
    case ItemState::Muted: return QStringLiteral("muted");
    case ItemState::Held: break;
    }
    return QStringLiteral("held");
}

ItemState itemStateFromKey(const QString &key)
{
    if (key == u"released")
        return ItemState::Released;
    if (key == u"done")
        return ItemState::Done;
    if (key == u"archived")
        return ItemState::Archived;
    if (key == u"muted")
        return ItemState::Muted;
    return ItemState::Held;
}

} // namespace fermata
