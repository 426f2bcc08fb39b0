#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace fermata {

// The first-run welcome at the top of the main area: three short steps (working hours and
// check-in windows, a calendar, first tasks with two quick-add examples), each with the button
// that does it and a check once done, and Skip. It only shows and reports; WelcomeController
// decides when it appears and when it is finished.
class WelcomePanel final : public QFrame
{
    Q_OBJECT
public:
    enum class Step { Hours, Calendar, Tasks };

    explicit WelcomePanel(QWidget *parent = nullptr);

    void setDone(Step step, bool done);
    bool isDone(Step step) const;
    // The quick-add examples the Tasks step offers.
    static QStringList examples();

Q_SIGNALS:
    void hoursRequested();
    void importRequested();
    void subscribeRequested();
    void exampleChosen(const QString &quickAdd);
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        QLabel *mark = nullptr;
        QLabel *text = nullptr;
        bool done = false;
    };
    QWidget *addRow(Step step, const QString &text, const QList<QPushButton *> &buttons);
    void applyColors();

    Row m_rows[3];
};

} // namespace fermata
