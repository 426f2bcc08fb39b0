#pragma once

#include "attention/desktopdnd.h"
#include "result.h"

#include <QObject>

#include <memory>

namespace fermata {

class AttentionRepository;

// Switches the desktop's DND on while Fermata holds, and back to exactly what it was. The
// previous state is stored (committed) before DND goes on, so a crash is repaired at the next
// start by recoverAfterCrash(). A desktop without an adapter degrades to "none": never an error.
class DndController final : public QObject
{
    Q_OBJECT
public:
    DndController(AttentionRepository &repo, std::unique_ptr<DesktopDnd> adapter,
                  QObject *parent = nullptr);
    ~DndController() override;

    // Restores a state saved by a run that never restored it. Call once at start.
    Status recoverAfterCrash();
    Status setHeld(bool held);
    bool isHeld() const { return m_held; }

    QString adapterId() const { return m_adapter->id(); }
    QString adapterName() const { return m_adapter->displayName(); }
    bool isActive() const { return m_adapter->id() != u"none"; }
    // Why this system or build cannot switch DND at all (empty when it can, or found no adapter).
    QString unavailableReason() const { return m_adapter->unavailableReason(); }

    static const QString SavedStateKey;

Q_SIGNALS:
    void heldChanged(bool held);

private:
    AttentionRepository &m_repo;
    std::unique_ptr<DesktopDnd> m_adapter;
    bool m_held = false;
};

} // namespace fermata
