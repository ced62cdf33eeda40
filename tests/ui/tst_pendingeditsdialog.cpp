// The "changes not sent" question before signing out or switching shop, and carrying out each
// answer (PendingEdits) on a real shop file against the real storekeep-server over loopback.

#include "../sync/syncclerk.h"
#include "../sync/testshop.h"
#include "testsupport.h"

#include "engine/syncworker.h"
#include "sync/pendingedits.h"
#include "sync/pendingeditsdialog.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

using Choice = PendingEditsDialog::Choice;

SyncWorker::Options quickWorker()
{
    SyncWorker::Options options;
    options.intervalMs = 3'600'000; // only the start and explicit requests sync here
    options.debounceMs = 50;
    options.engine = SyncClerk::fastOptions();
    options.engine.maxAttempts = 1;
    options.offlineRetryCapMs = 3'600'000;
    return options;
}

// Not one flat colour: something was drawn. With a name, also kept in build/screenshots.
bool isDrawn(QWidget &widget, const QString &name = {})
{
    const QImage image = widget.grab().toImage();
    if (image.isNull())
        return false;
    if (!name.isEmpty()) {
        const QString dir = binaryDir() + u"/screenshots"_s;
        if (!QDir().mkpath(dir) || !image.save(dir + u'/' + name + u".png"_s))
            return false;
    }
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != first)
                return true;
        }
    }
    return false;
}

// Runs `step` on the modal dialog that is open once the event loop spins (the next ask()).
void whenModal(std::function<void(QWidget *)> step)
{
    QTimer::singleShot(0, qApp, [step = std::move(step)] {
        QWidget *modal = QApplication::activeModalWidget();
        QVERIFY(modal);
        step(modal);
    });
}

} // namespace

class tst_PendingEditsDialog : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    int m_shops = 0;

    std::unique_ptr<SyncClerk> clerk(const TestShop &s)
    {
        auto c = std::make_unique<SyncClerk>();
        if (!c->open(m_world.server.baseUrl(), u"ana@sync.test"_s, QString::fromLatin1(SyncTestWorld::Password), s.id))
            qWarning().noquote() << "clerk failed:" << c->error;
        return c;
    }

    qint64 serverPrice(const TestShop &s)
    {
        return m_world.http->get(SyncTestWorld::shopPath(s.id, u"/variants/"_s + s.variant), s.token)
            .json.value(u"price"_s)
            .toInteger(-1);
    }

    static qint64 localPrice(SyncClerk &c, const QString &sku)
    {
        auto reader = c.store->openReader();
        if (!reader.ok())
            return -1;
        auto variant = ProductRepository(**reader).variantBySku(sku);
        return variant.ok() && *variant ? (*variant)->price : -1;
    }

    static bool idle(const QSignalSpy &spy)
    {
        return !spy.isEmpty() && spy.last().first().value<SyncStatus>().state == SyncStatus::State::Idle;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
    }

    void asksWithTheCountAndShop()
    {
        PendingEditsDialog dialog(3, u"Corner Shop"_s, u"sign out"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.headlineText().contains(u"3 change"_s), qPrintable(dialog.headlineText()));
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
            return l->text().contains(u"Corner Shop"_s) && l->text().contains(u"sign out"_s);
        }));
        QVERIFY(dialog.syncNowButton()->isDefault());
        QVERIFY(dialog.discardButton()->text().contains(u"3"_s));
        QVERIFY(dialog.discardButton()->property("destructive").toBool());
        for (QPushButton *b : {dialog.syncNowButton(), dialog.keepButton(), dialog.discardButton()})
            QVERIFY2(b->text().contains(u'&'), qPrintable(b->text())); // a mnemonic each
        QVERIFY(isDrawn(dialog, u"pendingeditsdialog"_s));
        dialog.setErrorText(u"The server could not be reached."_s);
        auto *error = dialog.findChild<QLabel *>(u"error"_s);
        QVERIFY(error && error->isVisible());
    }

    void eachButtonIsAChoice()
    {
        // Enter takes the default, Sync now.
        whenModal([](QWidget *w) { QTest::keyClick(w, Qt::Key_Return); });
        QCOMPARE(PendingEditsDialog::ask(nullptr, 2, u"Shop"_s, u"switch shop"_s), Choice::SyncNow);
        whenModal([](QWidget *w) { QTest::keyClick(w, Qt::Key_Escape); });
        QCOMPARE(PendingEditsDialog::ask(nullptr, 2, u"Shop"_s, u"switch shop"_s), Choice::Cancel);
        whenModal([](QWidget *w) { qobject_cast<PendingEditsDialog *>(w)->keepButton()->click(); });
        QCOMPARE(PendingEditsDialog::ask(nullptr, 2, u"Shop"_s, u"switch shop"_s), Choice::KeepForLater);

        // Discard asks first, naming the count; Cancel there (the default) keeps the question open.
        QStringList confirmations;
        whenModal([&confirmations](QWidget *w) {
            auto *dialog = qobject_cast<PendingEditsDialog *>(w);
            QVERIFY(dialog);
            whenModal([&confirmations](QWidget *box) {
                auto *message = qobject_cast<QMessageBox *>(box);
                QVERIFY(message);
                confirmations << message->text();
                QVERIFY(message->defaultButton() != message->findChild<QPushButton *>(u"confirmDiscardButton"_s));
                QTest::keyClick(message, Qt::Key_Escape);
            });
            dialog->discardButton()->click(); // returns when the confirmation closes
            QVERIFY(dialog->isVisible());     // still asking
            whenModal([&confirmations](QWidget *box) {
                confirmations << qobject_cast<QMessageBox *>(box)->text();
                box->findChild<QPushButton *>(u"confirmDiscardButton"_s)->click();
            });
            dialog->discardButton()->click();
        });
        QCOMPARE(PendingEditsDialog::ask(nullptr, 4, u"Shop"_s, u"sign out"_s), Choice::Discard);
        QCOMPARE(confirmations.size(), 2);
        QVERIFY2(confirmations.first().contains(u"4 change"_s), qPrintable(confirmations.first()));
    }

    void syncNowSendsEverything()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        auto ana = clerk(s);
        QVERIFY(ana->store);
        SyncWorker worker(*ana->store, *ana->auth, s.id, quickWorker());
        QSignalSpy status(&worker, &SyncWorker::statusChanged);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(idle(status), 15'000);
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, -3, InventoryReason::Sold));
        SK_VERIFY_OK(ana->editor->setVariantPrice(s.variant, 1999));
        QCOMPARE(PendingEdits::pendingCount(*ana->store).valueOr(-1), 2);

        bool sawProgress = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *p = qobject_cast<QProgressDialog *>(QApplication::activeModalWidget()); p && p->isVisible())
                sawProgress = true;
        });
        poll.start(5);
        const PendingEdits::Outcome outcome = PendingEditsDialog::carryOut(nullptr, Choice::SyncNow, *ana->store, &worker);
        poll.stop();
        QVERIFY2(outcome.proceed, qPrintable(outcome.error));
        QCOMPARE(outcome.choice, Choice::SyncNow);
        QCOMPARE(outcome.remaining, 0);
        QVERIFY(outcome.error.isEmpty());
        QVERIFY(sawProgress);
        QCOMPARE(ana->pending(), 0);
        QCOMPARE(s.onHand(m_world), 7);
        QCOMPARE(serverPrice(s), 1999);
    }

    void keepForLaterLeavesTheOutboxInTheFile()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        auto ana = clerk(s);
        QVERIFY(ana->store);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, -4, InventoryReason::Sold));
        SK_VERIFY_OK(ana->editor->setVariantPrice(s.variant, 2500));

        // The whole step as the app runs it: ask, answer "Keep for later", carry it out.
        whenModal([](QWidget *w) { qobject_cast<PendingEditsDialog *>(w)->keepButton()->click(); });
        const PendingEdits::Outcome outcome =
            PendingEditsDialog::settle(nullptr, *ana->store, nullptr, u"Shop"_s, u"sign out"_s);
        QVERIFY(outcome.proceed);
        QCOMPARE(outcome.choice, Choice::KeepForLater);
        QCOMPARE(outcome.remaining, 2);

        // Reopen the file as the next session would: the edits are still queued and shown.
        const QString userId = ana->store->identity().userId;
        QVERIFY(ana->openStore(m_world.server.baseUrl(), userId));
        QCOMPARE(PendingEdits::pendingCount(*ana->store).valueOr(-1), 2);
        QCOMPARE(ana->onHand(s.variant, s.location), 6);
        QCOMPARE(localPrice(*ana, s.sku), 2500);
        QCOMPARE(s.onHand(m_world), 10);
        QCOMPARE(serverPrice(s), 1250);
        // And they go out with the next sync.
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        QCOMPARE(s.onHand(m_world), 6);
        QCOMPARE(serverPrice(s), 2500);
    }

    void discardRevertsTheEdits()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        auto ana = clerk(s);
        QVERIFY(ana->store);
        auto worker = std::make_unique<SyncWorker>(*ana->store, *ana->auth, s.id, quickWorker());
        QSignalSpy status(worker.get(), &SyncWorker::statusChanged);
        worker->start();
        QTRY_VERIFY_WITH_TIMEOUT(idle(status), 15'000);
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, -3, InventoryReason::Sold));
        SK_VERIFY_OK(ana->editor->setVariantPrice(s.variant, 999));
        QCOMPARE(ana->onHand(s.variant, s.location), 7);
        QCOMPARE(localPrice(*ana, s.sku), 999);

        PendingEdits edits(*ana->store, worker.get());
        QSignalSpy finished(&edits, &PendingEdits::finished);
        edits.carryOut(Choice::Discard);
        QVERIFY(finished.isEmpty()); // always reported later, never from inside carryOut()
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        const auto outcome = finished.first().first().value<PendingEdits::Outcome>();
        QVERIFY2(outcome.proceed, qPrintable(outcome.error));
        QCOMPARE(outcome.discarded, 2);
        QCOMPARE(outcome.remaining, 0);
        QVERIFY(!worker->isActive());

        QCOMPARE(ana->pending(), 0);
        QCOMPARE(ana->onHand(s.variant, s.location), 10);
        QCOMPARE(localPrice(*ana, s.sku), 1250);
        // A new worker (the old one had the old client id) syncs the file without them.
        worker = std::make_unique<SyncWorker>(*ana->store, *ana->auth, s.id, quickWorker());
        QSignalSpy again(worker.get(), &SyncWorker::syncFinished);
        worker->start();
        QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 15'000);
        QCOMPARE(again.first().at(1).toString(), QString());
        QCOMPARE(s.onHand(m_world), 10);
        QCOMPARE(serverPrice(s), 1250);
        QCOMPARE(ana->onHand(s.variant, s.location), 10);
    }

    // Last: it stops the server.
    void syncNowOfflineSaysSoAndKeepsTheEdits()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        auto ana = clerk(s);
        QVERIFY(ana->store);
        SyncWorker worker(*ana->store, *ana->auth, s.id, quickWorker());
        QSignalSpy status(&worker, &SyncWorker::statusChanged);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(idle(status), 15'000);
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold));
        m_world.server.stop();

        PendingEdits edits(*ana->store, &worker);
        QSignalSpy finished(&edits, &PendingEdits::finished);
        edits.carryOut(Choice::SyncNow);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15'000);
        const auto outcome = finished.first().first().value<PendingEdits::Outcome>();
        QVERIFY(!outcome.proceed);
        QVERIFY(!outcome.error.isEmpty());
        QCOMPARE(outcome.remaining, 1);
        QCOMPARE(ana->pending(), 1);
        QCOMPARE(ana->onHand(s.variant, s.location), 9);

        // Without a worker there is nothing to sync with: said plainly, edits kept.
        PendingEdits noWorker(*ana->store, nullptr);
        QSignalSpy refused(&noWorker, &PendingEdits::finished);
        noWorker.carryOut(Choice::SyncNow);
        QTRY_COMPARE(refused.size(), 1);
        QVERIFY(!refused.first().first().value<PendingEdits::Outcome>().proceed);
        QVERIFY(!refused.first().first().value<PendingEdits::Outcome>().error.isEmpty());
        QCOMPARE(ana->pending(), 1);
    }
};

QTEST_MAIN(tst_PendingEditsDialog)
#include "tst_pendingeditsdialog.moc"
