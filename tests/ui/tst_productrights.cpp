#include "products/productrights.h"

#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_ProductRights : public QObject
{
    Q_OBJECT

private slots:
    // As the server's role policy: WriteCatalog for owner and staff only.
    void ownersAndStaffMayEdit()
    {
        for (const QString &role : {u"owner"_s, u"staff"_s}) {
            QVERIFY(ProductRights::mayEdit(role));
            QCOMPARE(ProductRights::editDeniedReason(role), QString());
        }
    }

    void othersGetAReason()
    {
        QVERIFY(!ProductRights::mayEdit(u"warehouse"_s));
        QVERIFY(ProductRights::editDeniedReason(u"warehouse"_s).startsWith(u"Warehouse users"));
        QVERIFY(!ProductRights::mayEdit(QString()));
        QVERIFY(!ProductRights::editDeniedReason(u"guest"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ProductRights)
#include "tst_productrights.moc"
