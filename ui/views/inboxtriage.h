#pragma once

#include "model/task.h"

#include <QModelIndex>
#include <QModelIndexList>

class QTreeView;

namespace fermata {

struct InboxItem;

// Pure helpers for triaging the Inbox by keyboard, kept out of the view so they can be tested
// and reused by an undo command.
namespace inboxtriage {

// The item (entry) row to select once `acted` rows are done or archived: the first visible
// entry below them that is not among them (nor inside an acted group), else the nearest above.
QModelIndex nextItemAfter(const QTreeView &tree, const QModelIndexList &acted);

// A task made from an Inbox item: its title, and in the notes where it came from, the first
// link in it, and its text.
Task taskFrom(const InboxItem &item);

} // namespace inboxtriage

} // namespace fermata
