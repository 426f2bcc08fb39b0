#pragma once

#include "result.h"

#include <QObject>

namespace fermata {

class AttentionService;

// Whether the Inbox shows its items or only counts. Folded outside check-in windows; a
// confirmed "Peek early" (counted by the engine) unfolds it until the next window opens, and
// it folds again when that window closes.
class InboxFolding final : public QObject
{
    Q_OBJECT
public:
    explicit InboxFolding(AttentionService &attention, QObject *parent = nullptr);

    bool isFolded() const;
    // Records the peek and unfolds; an error leaves the Inbox folded.
    Status peek();

Q_SIGNALS:
    void foldedChanged(bool folded);

private:
    void update();

    AttentionService &m_attention;
    bool m_peeking = false;
    bool m_folded = true;
};

} // namespace fermata
