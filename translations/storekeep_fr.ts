<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChangeApplier</name>
    <message>
        <location filename="../sync/local/changefeedpage.cpp" line="+29"/>
        <source>The server sent a page of changes this version cannot read: “%1” %2.</source>
        <translation>Le serveur a envoyé une page de changements que cette version ne sait pas lire&#xa0;: «&#xa0;%1&#xa0;» %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be %1</source>
        <translation>doit être %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is missing</source>
        <translation>est manquant</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>is not JSON (%1)</source>
        <translation>n’est pas du JSON valide (%1)</translation>
    </message>
    <message>
        <location filename="../sync/local/changeapplier.cpp" line="+213"/>
        <source>Some records on this page of changes refer to records on the next page; apply the two together.</source>
        <translation>Certains enregistrements de cette page de changements font référence à des enregistrements de la page suivante&#xa0;; appliquez les deux ensemble.</translation>
    </message>
</context>
<context>
    <name>CustomerRepository</name>
    <message>
        <location filename="../core/storage/customerrepository.cpp" line="+93"/>
        <source>The email address %1 already belongs to another customer.</source>
        <translation>L’adresse e-mail %1 appartient déjà à un autre client.</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <location filename="../core/demo/demogenerator.cpp" line="+513"/>
        <source>Creating the demo shop was cancelled.</source>
        <translation>La création de la boutique de démonstration a été annulée.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Unknown time zone &quot;%1&quot;.</source>
        <translation>Fuseau horaire inconnu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+1329"/>
        <source>The demo shop needs a name.</source>
        <translation>La boutique de démonstration doit avoir un nom.</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../core/storage/globalsearch.cpp" line="+55"/>
        <source>SKU %1</source>
        <translation>SKU %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>barcode %1</source>
        <translation>code-barres %1</translation>
    </message>
</context>
<context>
    <name>InventoryRepository</name>
    <message>
        <location filename="../core/storage/inventoryrepository.cpp" line="+125"/>
        <source>Choose a location, or all locations, to list inventory.</source>
        <translation>Choisissez un emplacement, ou tous les emplacements, pour afficher le stock.</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>An adjustment must change the quantity.</source>
        <translation>Un ajustement doit modifier la quantité.</translation>
    </message>
</context>
<context>
    <name>OrderRepository</name>
    <message>
        <location filename="../core/storage/orderrepository.cpp" line="+415"/>
        <source>Order number %1 is already used by another order.</source>
        <translation>Le numéro de commande %1 est déjà utilisé par une autre commande.</translation>
    </message>
</context>
<context>
    <name>ProductRepository</name>
    <message>
        <location filename="../core/storage/productrepository.cpp" line="+163"/>
        <source>The SKU &quot;%1&quot; is already used by another variant.</source>
        <translation>Le SKU «&#xa0;%1&#xa0;» est déjà utilisé par une autre variante.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The handle &quot;%1&quot; is already used by another product.</source>
        <translation>L’identifiant d’URL «&#xa0;%1&#xa0;» est déjà utilisé par un autre produit.</translation>
    </message>
</context>
<context>
    <name>Rebaser</name>
    <message>
        <location filename="../sync/local/rebaser.cpp" line="+25"/>
        <source>The queued edit %1 (%2) has unreadable arguments.</source>
        <translation>La modification n°&#xa0;%1 (%2) en file d’attente a des arguments illisibles.</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <location filename="../core/storage/schemamigrator.cpp" line="+554"/>
        <source>This shop file was written by a newer version of Storekeep (schema %1; this version reads up to %2). Update Storekeep to open it. The file was not changed.</source>
        <translation>Ce fichier de boutique a été écrit par une version plus récente de Storekeep (schéma %1&#xa0;; cette version lit jusqu’au schéma %2). Mettez Storekeep à jour pour l’ouvrir. Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Upgrading the shop file to schema %1 (%2) failed: %3</source>
        <translation>La mise à niveau du fichier de boutique vers le schéma %1 (%2) a échoué&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <location filename="../core/storage/searchindex.cpp" line="+41"/>
        <source>Search maintenance can only be suspended inside a transaction.</source>
        <translation>La maintenance de la recherche ne peut être suspendue qu’à l’intérieur d’une transaction.</translation>
    </message>
</context>
<context>
    <name>ShopEditor</name>
    <message>
        <location filename="../sync/local/shopeditor.cpp" line="+42"/>
        <source>There is no %1 %2 in this shop.</source>
        <translation>Introuvable dans cette boutique&#xa0;: %1 %2.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>These changes are already being saved together.</source>
        <translation>Ces modifications sont déjà en cours d’enregistrement groupé.</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+48"/>
        <source>variant</source>
        <translation>variante</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>location</source>
        <translation>emplacement</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>product</source>
        <translation>produit</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>order</source>
        <translation>commande</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>No variant has the SKU “%1”.</source>
        <translation>Aucune variante n’a le SKU «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No location has the id, code or name “%1”.</source>
        <translation>Aucun emplacement n’a l’identifiant, le code ou le nom «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ShopStore</name>
    <message>
        <location filename="../core/storage/shopstore.cpp" line="+45"/>
        <source>The shop file %1 belongs to shop %2 of user %3 on %4, not to shop %5 of user %6 on %7.</source>
        <translation>Le fichier de boutique %1 appartient à la boutique %2 de l’utilisateur %3 sur %4, et non à la boutique %5 de l’utilisateur %6 sur %7.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>There is no shop file %1.</source>
        <translation>Le fichier de boutique %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file %1 is not a Storekeep shop file.</source>
        <translation>Le fichier %1 n’est pas un fichier de boutique Storekeep.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The shop file %1 cannot use write-ahead logging.</source>
        <translation>Le fichier de boutique %1 ne peut pas utiliser la journalisation anticipée (WAL).</translation>
    </message>
</context>
<context>
    <name>SqliteDatabase</name>
    <message>
        <location filename="../core/storage/sqlitedatabase.cpp" line="+70"/>
        <source>Cannot open the shop file %1.</source>
        <translation>Impossible d’ouvrir le fichier de boutique %1.</translation>
    </message>
</context>
<context>
    <name>StagingStore</name>
    <message>
        <location filename="../sync/local/stagingstore.cpp" line="+84"/>
        <source>The download file %1 could not be deleted.</source>
        <translation>Le fichier de téléchargement %1 n’a pas pu être supprimé.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The shop file has no table %1.</source>
        <translation>Le fichier de boutique n’a pas de table %1.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The shop file lacks some of the tables a download fills.</source>
        <translation>Il manque au fichier de boutique certaines des tables qu’un téléchargement remplit.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This download was already moved into the shop.</source>
        <translation>Ce téléchargement a déjà été intégré à la boutique.</translation>
    </message>
</context>
<context>
    <name>StoreDemoSink</name>
    <message>
        <location filename="../core/demo/storedemosink.cpp" line="+165"/>
        <source>This demo load has already begun.</source>
        <translation>Ce chargement de démonstration a déjà commencé.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Cannot read the schema statement %1.</source>
        <translation>Impossible de lire l’instruction de schéma %1.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>The demo load has not begun.</source>
        <translation>Le chargement de démonstration n’a pas commencé.</translation>
    </message>
</context>
<context>
    <name>Storekeep</name>
    <message>
        <location filename="../app/main.cpp" line="+82"/>
        <source>Creating the demo shop “Demo Outfitters”…</source>
        <translation>Création de la boutique de démonstration «&#xa0;Demo Outfitters&#xa0;»…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Storekeep</source>
        <translation>Storekeep</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>The demo shop was not generated.</source>
        <translation>La boutique de démonstration n’a pas été générée.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The demo shop was made but could not be moved to %1.</source>
        <translation>La boutique de démonstration a été créée, mais n’a pas pu être déplacée vers %1.</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>Could not open the shop: %1</source>
        <translation>Impossible d’ouvrir la boutique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Storekeep: the back office for your shop.</source>
        <translation>Storekeep&#xa0;: le back-office de votre boutique.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep the sign-in (never its password or tokens), shop files and settings in &lt;dir&gt;.</source>
        <translation>Conserver la connexion (jamais son mot de passe ni ses jetons), les fichiers de boutique et les réglages dans &lt;dossier&gt;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save a PNG of the first window (the main window, or the sign-in when signed out) to &lt;file&gt; after it first paints, then quit.</source>
        <translation>Enregistrer une image PNG de la première fenêtre (la fenêtre principale, ou celle de connexion si vous êtes déconnecté) dans &lt;fichier&gt; après son premier affichage, puis quitter.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>dir</source>
        <translation>dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Prefill the sign-in with the server &lt;url&gt;.</source>
        <translation>Préremplir la connexion avec le serveur &lt;url&gt;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Where “Try the demo shop” signs in (default: $STOREKEEP_DEMO_SERVER or %1).</source>
        <translation>Serveur auquel se connecte «&#xa0;Essayer la boutique de démonstration&#xa0;» (par défaut&#xa0;: $STOREKEEP_DEMO_SERVER ou %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the offline demo shop, generated on this computer, without signing in.</source>
        <translation>Ouvrir la boutique de démonstration hors ligne, générée sur cet ordinateur, sans se connecter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the shop file &lt;file&gt; offline, without signing in (a copy of a cache, or a generated demo).</source>
        <translation>Ouvrir le fichier de boutique &lt;fichier&gt; hors ligne, sans se connecter (copie d’un cache ou démonstration générée).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --shop-file or --local-demo: quit once the main window has painted its list (start-up benchmarks).</source>
        <translation>Avec --shop-file ou --local-demo&#xa0;: quitter dès que la fenêtre principale a affiché sa liste (mesures de démarrage).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot create the profile folder %1.</source>
        <translation>Impossible de créer le dossier de profil %1.</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Could not create the demo shop: %1</source>
        <translation>Impossible de créer la boutique de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Could not open the shop file: %1</source>
        <translation>Impossible d’ouvrir le fichier de boutique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Could not save the screenshot to %1.</source>
        <translation>Impossible d’enregistrer la capture d’écran dans %1.</translation>
    </message>
</context>
<context>
    <name>StorekeepCli</name>
    <message>
        <location filename="../app/cli/cliio.h" line="+68"/>
        <source>%1 needs a value.</source>
        <translation>%1 attend une valeur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown option %1.</source>
        <translation>Option inconnue&#xa0;: %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="+39"/>
        <source>Usage:
  storekeep-cli version
  storekeep-cli demo generate --scale small|medium|large --out FILE [--seed N] [--end-date YYYY-MM-DD]
  storekeep-cli info FILE [--json]
  storekeep-cli search FILE TEXT [--limit N] [--json]
  storekeep-cli help
</source>
        <translation>Utilisation&#xa0;:
  storekeep-cli version
  storekeep-cli demo generate --scale small|medium|large --out FICHIER [--seed N] [--end-date AAAA-MM-JJ]
  storekeep-cli info FICHIER [--json]
  storekeep-cli search FICHIER TEXTE [--limit N] [--json]
  storekeep-cli help
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>
Exit codes: 0 success, 1 error, 2 wrong usage, 3 server unreachable (edits kept), 4 not signed in, 5 refused by the server, 6 synced but some edits became sync issues.</source>
        <translation>
Codes de sortie&#xa0;: 0 succès, 1 erreur, 2 utilisation incorrecte, 3 serveur injoignable (modifications conservées), 4 non connecté, 5 refus du serveur, 6 synchronisation effectuée, mais certaines modifications sont devenues des problèmes de synchronisation.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Shop file schema %1</source>
        <translation>Schéma des fichiers de boutique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown demo command; use: demo generate.</source>
        <translation>Commande demo inconnue&#xa0;; utilisez&#xa0;: demo generate.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected argument %1.</source>
        <translation>Argument inattendu&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown scale &quot;%1&quot;; use small, medium or large.</source>
        <translation>Taille «&#xa0;%1&#xa0;» inconnue&#xa0;; utilisez small, medium ou large.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say where to write the demo shop with --out FILE.</source>
        <translation>Indiquez où écrire la boutique de démonstration avec --out FICHIER.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--end-date needs a date as YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation>--end-date attend une date au format AAAA-MM-JJ, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 already exists; choose another --out file or delete it first.</source>
        <translation>%1 existe déjà&#xa0;; choisissez un autre fichier --out ou supprimez-le d’abord.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../app/cli/synccommands.cpp" line="+142"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>generating… %1%</source>
        <translation>génération… %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Generating the demo shop failed: %1</source>
        <translation>La génération de la boutique de démonstration a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo shop written to %1</source>
        <translation>Boutique de démonstration écrite dans %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>products</source>
        <translation>produits</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>variants</source>
        <translation>variantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locations</source>
        <translation>emplacements</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>customers</source>
        <translation>clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders</source>
        <translation>commandes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>order lines</source>
        <translation>lignes de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ledger entries</source>
        <translation>mouvements de stock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  took %1 ms</source>
        <translation>  durée&#xa0;: %1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No shop file at %1.</source>
        <translation>Aucun fichier de boutique à l’emplacement %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>info needs exactly one shop file.</source>
        <translation>info attend exactement un fichier de boutique.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>File:    %1</source>
        <translation>Fichier&#xa0;:  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema:  %1 (this build reads up to %2)</source>
        <translation>Schéma&#xa0;:   %1 (cette version lit jusqu’au schéma %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store:   shop %1, user %2, server %3</source>
        <translation>Cache&#xa0;:    boutique %1, utilisateur %2, serveur %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shop:    %1 (%2, %3, %4)</source>
        <translation>Boutique&#xa0;: %1 (%2, %3, %4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows per table:</source>
        <translation>Lignes par table&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>search needs a shop file and the text to look for.</source>
        <translation>search attend un fichier de boutique et le texte à rechercher.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--limit needs a positive whole number.</source>
        <translation>--limit attend un nombre entier positif.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No variant matches &quot;%1&quot;.</source>
        <translation>Aucune variante ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Say what to do.</source>
        <translation>Indiquez quoi faire.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../app/cli/synccommands.cpp" line="-49"/>
        <source>STOREKEEP_TOKEN is set: say which server with --server URL or STOREKEEP_SERVER.</source>
        <translation>STOREKEEP_TOKEN est défini&#xa0;: indiquez le serveur avec --server URL ou STOREKEEP_SERVER.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not signed in. Run: storekeep-cli login --server URL --email EMAIL</source>
        <translation>Non connecté. Lancez&#xa0;: storekeep-cli login --server URL --email E-MAIL</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Say which shop with --shop ID, or choose one with: storekeep-cli shops --use ID</source>
        <translation>Indiquez la boutique avec --shop ID, ou choisissez-en une avec&#xa0;: storekeep-cli shops --use ID</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+123"/>
        <source>You are not a member of a shop &quot;%1&quot;.</source>
        <translation>Vous n’êtes membre d’aucune boutique «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>This shop has not been downloaded yet. Run: storekeep-cli sync --once</source>
        <translation>Cette boutique n’a pas encore été téléchargée. Lancez&#xa0;: storekeep-cli sync --once</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>login needs --server URL and --email EMAIL.</source>
        <translation>login attend --server URL et --email E-MAIL.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No password: pass it on standard input (--password-stdin) or in STOREKEEP_PASSWORD.</source>
        <translation>Aucun mot de passe&#xa0;: fournissez-le sur l’entrée standard (--password-stdin) ou dans STOREKEEP_PASSWORD.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Choose one of --sync, --keep and --discard.</source>
        <translation>Choisissez une seule option parmi --sync, --keep et --discard.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not send the edits of %1; still signed in.</source>
        <translation>Impossible d’envoyer les modifications de %1&#xa0;; vous êtes toujours connecté.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n edit(s) in %1 are not synced yet.</source>
        <translation>
            <numerusform>%n modification de %1 n’est pas encore synchronisée.</numerusform>
            <numerusform>%n modifications de %1 ne sont pas encore synchronisées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose: --sync (send them now), --keep (keep them on this computer for the next sign-in) or --discard (drop them).</source>
        <translation>Choisissez&#xa0;: --sync (les envoyer maintenant), --keep (les conserver sur cet ordinateur pour la prochaine connexion) ou --discard (les abandonner).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server was not told (%1); the session is removed from this computer.</source>
        <translation>Le serveur n’a pas été prévenu (%1)&#xa0;; la session est supprimée de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>--interval needs a whole number of seconds, at least 1.</source>
        <translation>--interval attend un nombre entier de secondes, au moins 1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another Storekeep is syncing this shop right now; try again when it is done.</source>
        <translation>Un autre Storekeep synchronise cette boutique en ce moment&#xa0;; réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--page-limit needs a whole number from 1 to 5000.</source>
        <translation>--page-limit attend un nombre entier de 1 à 5000.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>downloading… %1 records</source>
        <translation>téléchargement… %1 enregistrements</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Synced %1: sent %2 edit(s) (%3 applied, %4 already applied, %5 refused), received %6 change(s).</source>
        <translation>Boutique %1 synchronisée&#xa0;: %2 modification(s) envoyée(s) (%3 appliquée(s), %4 déjà appliquée(s), %5 refusée(s)), %6 changement(s) reçu(s).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 sync issue(s) need a decision: storekeep-cli issues</source>
        <translation>%1 problème(s) de synchronisation en attente de décision&#xa0;: storekeep-cli issues</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Shop:          %1 (%2)</source>
        <translation>Boutique&#xa0;:                 %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server:        %1</source>
        <translation>Serveur&#xa0;:                  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending edits: %1</source>
        <translation>Modifications en attente&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync issues:   %1</source>
        <translation>Problèmes de synchro&#xa0;:     %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync:     %1</source>
        <translation>Dernière synchro&#xa0;:         %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not downloaded yet: run storekeep-cli sync --once</source>
        <translation>Pas encore téléchargée&#xa0;: lancez storekeep-cli sync --once</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Issue %1 resolved.</source>
        <translation>Problème %1 résolu.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No sync issues.</source>
        <translation>Aucun problème de synchronisation.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queued edit #%1: %2. Run storekeep-cli sync to send it.</source>
        <translation>Modification n°&#xa0;%1 mise en file d’attente&#xa0;: %2. Lancez storekeep-cli sync pour l’envoyer.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 needs a whole number, not &quot;%2&quot;.</source>
        <translation>%1 attend un nombre entier, et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>inventory needs adjust, count or show.</source>
        <translation>inventory attend adjust, count ou show.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>inventory %1 needs --sku SKU.</source>
        <translation>inventory %1 attend --sku SKU.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1  %2  %3  %4</source>
        <translation>%1  %2  %3  %4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>inventory %1 needs --location LOCATION (its name, code or id).</source>
        <translation>inventory %1 attend --location EMPLACEMENT (son nom, son code ou son identifiant).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>inventory adjust needs --delta N and --reason REASON.</source>
        <translation>inventory adjust attend --delta N et --reason MOTIF.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown reason &quot;%1&quot;.</source>
        <translation>Motif «&#xa0;%1&#xa0;» inconnu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 at %3</source>
        <translation>ajustement de %1 à %3&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>inventory count needs --quantity N.</source>
        <translation>inventory count attend --quantity N.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--quantity needs a whole number of 0 or more.</source>
        <translation>--quantity attend un nombre entier égal ou supérieur à 0.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 counted %2 at %3</source>
        <translation>comptage de %1 à %3&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown inventory command &quot;%1&quot;; use adjust, count or show.</source>
        <translation>Commande inventory «&#xa0;%1&#xa0;» inconnue&#xa0;; utilisez adjust, count ou show.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>product needs set-price.</source>
        <translation>product attend set-price.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>product set-price needs --sku SKU and --price PRICE.</source>
        <translation>product set-price attend --sku SKU et --price PRIX.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The shop&apos;s settings are missing.</source>
        <translation>Les réglages de la boutique sont manquants.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 price %2 %3</source>
        <translation>prix de %1&#xa0;: %2 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>order needs set-status.</source>
        <translation>order attend set-status.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>order set-status needs --order NUMBER and --status STATUS.</source>
        <translation>order set-status attend --order NUMÉRO et --status STATUT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown order status &quot;%1&quot;.</source>
        <translation>Statut de commande «&#xa0;%1&#xa0;» inconnu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No order %1 in this shop.</source>
        <translation>Aucune commande %1 dans cette boutique.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>order #%1 → %2</source>
        <translation>commande n°&#xa0;%1 → %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  storekeep-cli login --server URL --email EMAIL [--password-stdin] [--json]
  storekeep-cli logout [--sync | --keep | --discard]
  storekeep-cli shops [--use SHOP] [--json]
  storekeep-cli sync [--once] [--interval SECONDS] [--pull-only] [--page-limit N] [--json]
  storekeep-cli status [--json]
  storekeep-cli issues [--keep-mine ID | --take-theirs ID | --dismiss ID] [--json]
  storekeep-cli inventory adjust --sku SKU --location LOCATION --delta N --reason REASON [--reference TEXT] [--note TEXT]
  storekeep-cli inventory count --sku SKU --location LOCATION --quantity N [--note TEXT]
  storekeep-cli inventory show --sku SKU [--json]
  storekeep-cli product set-price --sku SKU --price PRICE
  storekeep-cli order set-status --order NUMBER --status STATUS [--reason TEXT]
  (each also takes --profile DIR and --shop SHOP; STOREKEEP_TOKEN selects an API token)
</source>
        <translation>  storekeep-cli login --server URL --email E-MAIL [--password-stdin] [--json]
  storekeep-cli logout [--sync | --keep | --discard]
  storekeep-cli shops [--use BOUTIQUE] [--json]
  storekeep-cli sync [--once] [--interval SECONDES] [--pull-only] [--page-limit N] [--json]
  storekeep-cli status [--json]
  storekeep-cli issues [--keep-mine ID | --take-theirs ID | --dismiss ID] [--json]
  storekeep-cli inventory adjust --sku SKU --location EMPLACEMENT --delta N --reason MOTIF [--reference TEXTE] [--note TEXTE]
  storekeep-cli inventory count --sku SKU --location EMPLACEMENT --quantity N [--note TEXTE]
  storekeep-cli inventory show --sku SKU [--json]
  storekeep-cli product set-price --sku SKU --price PRIX
  storekeep-cli order set-status --order NUMÉRO --status STATUT [--reason TEXTE]
  (chaque commande accepte aussi --profile DOSSIER et --shop BOUTIQUE&#xa0;; STOREKEEP_TOKEN choisit un jeton d’API)
</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <location filename="../sync/local/syncissues.cpp" line="+91"/>
        <source>There is no sync issue %1.</source>
        <translation>Il n’y a pas de problème de synchronisation %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This sync issue was already resolved (%1).</source>
        <translation>Ce problème de synchronisation a déjà été résolu (%1).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your change (%1) cannot be sent again: %2</source>
        <translation>Votre modification (%1) ne peut pas être renvoyée&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>you no longer have access to this record.</source>
        <translation>vous n’avez plus accès à cet enregistrement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server will refuse it again (%1).</source>
        <translation>le serveur la refusera de nouveau (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the record no longer exists.</source>
        <translation>l’enregistrement n’existe plus.</translation>
    </message>
</context>
<context>
    <name>sk::AdjustStockDialog</name>
    <message>
        <location filename="../ui/inventory/adjuststockdialog.cpp" line="+26"/>
        <source>&amp;Adjust</source>
        <translation>&amp;Ajuster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjust Stock</source>
        <translation>Ajuster le stock</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Units to add (positive) or remove (negative).</source>
        <translation>Unités à ajouter (nombre positif) ou à retirer (nombre négatif).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Optional: why, delivery number…</source>
        <translation>Facultatif&#xa0;: motif, numéro de bon de livraison…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Location:</source>
        <translation>&amp;Emplacement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand:</source>
        <translation>En stock&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change:</source>
        <translation>&amp;Variation&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand after:</source>
        <translation>En stock après&#xa0;:</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>choose where the stock is.</source>
        <translation>choisissez où se trouve le stock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>enter how many units to add (positive) or remove (negative).</source>
        <translation>indiquez combien d’unités ajouter (nombre positif) ou retirer (nombre négatif).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stock marked “%1” adds units: enter a positive number.</source>
        <translation>un mouvement de stock «&#xa0;%1&#xa0;» ajoute des unités&#xa0;: saisissez un nombre positif.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stock marked “%1” removes units: enter a negative number.</source>
        <translation>un mouvement de stock «&#xa0;%1&#xa0;» retire des unités&#xa0;: saisissez un nombre négatif.</translation>
    </message>
</context>
<context>
    <name>sk::AuthSession</name>
    <message>
        <location filename="../sync/auth/authsession.cpp" line="+51"/>
        <source>The server&apos;s answer to %1 could not be understood; is this a Storekeep server?</source>
        <translation>La réponse du serveur à %1 est incompréhensible&#xa0;; s’agit-il bien d’un serveur Storekeep&#xa0;?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server answered HTTP %1 to %2.</source>
        <translation>Le serveur a répondu HTTP %1 à %2.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>the sign-in</source>
        <translation>la demande de connexion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The e-mail address or password is wrong.</source>
        <translation>L’adresse e-mail ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many failed sign-ins; wait a while, then try again.</source>
        <translation>Trop de tentatives de connexion ont échoué&#xa0;; patientez un moment, puis réessayez.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Too many failed sign-ins; try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives de connexion ont échoué&#xa0;; réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives de connexion ont échoué&#xa0;; réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A session with an API token is never saved; give the token again (STOREKEEP_TOKEN).</source>
        <translation>Une session ouverte avec un jeton d’API n’est jamais enregistrée&#xa0;; fournissez de nouveau le jeton (STOREKEEP_TOKEN).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No saved sign-in; sign in again.</source>
        <translation>Aucune connexion enregistrée&#xa0;; reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keychain holds no sign-in for %1 at %2; sign in again.</source>
        <translation>Le trousseau ne contient aucune connexion pour %1 sur %2&#xa0;; reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The saved sign-in in the keychain is damaged; sign in again.</source>
        <translation>La connexion enregistrée dans le trousseau est endommagée&#xa0;; reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is not an API token: they start with &quot;skapi_&quot; and are made by a shop owner (Settings, API tokens).</source>
        <translation>Ce n’est pas un jeton d’API&#xa0;: ces jetons commencent par «&#xa0;skapi_&#xa0;» et sont créés par le propriétaire d’une boutique (Réglages, Jetons d’API).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not signed in; sign in first.</source>
        <translation>Non connecté&#xa0;; connectez-vous d’abord.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>An API token belongs to one shop, not to a user: name the shop (--shop ID).</source>
        <translation>Un jeton d’API appartient à une boutique, et non à un utilisateur&#xa0;: indiquez la boutique (--shop ID).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the request for your shops</source>
        <translation>la requête listant vos boutiques</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the request for the shop</source>
        <translation>la requête concernant la boutique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no shop %1 on this server that you (or this API token) may use.</source>
        <translation>Il n’existe sur ce serveur aucune boutique %1 que vous (ou ce jeton d’API) puissiez utiliser.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not signed in; sign in again.</source>
        <translation>Non connecté&#xa0;; reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server refused the API token (revoked or not valid); give a valid token (STOREKEEP_TOKEN).</source>
        <translation>Le serveur a refusé le jeton d’API (révoqué ou non valide)&#xa0;; fournissez un jeton valide (STOREKEEP_TOKEN).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the session refresh</source>
        <translation>l’actualisation de la session</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your sign-in was ended by the server because its refresh token was used twice (a copy of it may exist elsewhere); sign in again. Unsent changes are kept.</source>
        <translation>Le serveur a mis fin à votre connexion, car son jeton d’actualisation a été utilisé deux fois (il en existe peut-être une copie ailleurs)&#xa0;; reconnectez-vous. Les modifications non envoyées sont conservées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your sign-in has ended (signed out elsewhere, expired or revoked); sign in again. Unsent changes are kept.</source>
        <translation>Votre connexion a pris fin (déconnexion ailleurs, expiration ou révocation)&#xa0;; reconnectez-vous. Les modifications non envoyées sont conservées.</translation>
    </message>
</context>
<context>
    <name>sk::BulkEditDialog</name>
    <message>
        <location filename="../ui/products/bulkeditdialog.cpp" line="+49"/>
        <source>Could not read the selected products: %1</source>
        <translation>Impossible de lire les produits sélectionnés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit Products</source>
        <translation>Modifier les produits</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;et status</source>
        <translation>&amp;Définir le statut</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comma-separated, e.g. summer, sale</source>
        <translation>Séparées par des virgules, par ex. été, soldes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;dd tags</source>
        <translation>Ajouter des é&amp;tiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move tags</source>
        <translation>&amp;Retirer des étiquettes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 10 or -2,50</source>
        <translation>par ex. 10 ou -2,50</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change prices</source>
        <translation>&amp;Modifier les prix</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Status:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>Éti&amp;quettes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Price change:</source>
        <translation>Modification des &amp;prix&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>Réta&amp;blir</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pre&amp;view:</source>
        <translation>Aperç&amp;u&#xa0;:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Apply</source>
        <translation>App&amp;liquer</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing to apply yet.</source>
        <translation>Rien à appliquer pour l’instant.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n product(s) selected</source>
        <translation>
            <numerusform>%n produit sélectionné</numerusform>
            <numerusform>%n produits sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) to apply</source>
        <translation>
            <numerusform>%n modification à appliquer</numerusform>
            <numerusform>%n modifications à appliquer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Price change: “%1” is not a percentage.</source>
        <translation>Modification des prix&#xa0;: «&#xa0;%1&#xa0;» n’est pas un pourcentage.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Price change: “%1” is not an amount of %2.</source>
        <translation>Modification des prix&#xa0;: «&#xa0;%1&#xa0;» n’est pas un montant en %2.</translation>
    </message>
</context>
<context>
    <name>sk::BulkEditPreviewModel</name>
    <message>
        <location filename="../ui/products/bulkeditpreviewmodel.cpp" line="+59"/>
        <source>(no variants)</source>
        <translation>(aucune variante)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Changes from %1</source>
        <translation>Modifications depuis %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New status</source>
        <translation>Nouveau statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New tags</source>
        <translation>Nouvelles étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New price</source>
        <translation>Nouveau prix</translation>
    </message>
</context>
<context>
    <name>sk::Currency</name>
    <message>
        <location filename="../core/money/currency.cpp" line="+96"/>
        <source>“%1” is not a currency code: use three upper-case letters such as USD.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un code de devise&#xa0;: utilisez trois lettres majuscules, comme USD.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not an active ISO 4217 currency code.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un code de devise ISO 4217 en vigueur.</translation>
    </message>
</context>
<context>
    <name>sk::CustomerDetailView</name>
    <message>
        <location filename="../ui/customers/customerdetailview.cpp" line="+53"/>
        <source>Orders:</source>
        <translation>Commandes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent:</source>
        <translation>Total dépensé&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average order:</source>
        <translation>Panier moyen&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses:</source>
        <translation>Adresses&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Placed</source>
        <translation>Passée le</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Order history (newest first):</source>
        <translation>Historique des commandes (les plus récentes d’abord)&#xa0;:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not open the shop file: %1</source>
        <translation>Impossible d’ouvrir le fichier de boutique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No customer selected</source>
        <translation>Aucun client sélectionné</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read this customer: %1</source>
        <translation>Impossible de lire ce client&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No orders yet</source>
        <translation>Aucune commande pour l’instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Showing the %n most recent orders.</source>
        <translation>
            <numerusform>Affichage de %n commande, la plus récente.</numerusform>
            <numerusform>Affichage des %n commandes les plus récentes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Default address</source>
        <translation>Adresse par défaut</translation>
    </message>
</context>
<context>
    <name>sk::CustomerEditorDialog</name>
    <message>
        <location filename="../ui/customers/customereditordialog.cpp" line="+55"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address line 2</source>
        <translation>Complément d’adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>New Customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit Customer</source>
        <translation>Modifier le client</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read this customer: %1</source>
        <translation>Impossible de lire ce client&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This customer is no longer in the shop (it may have been deleted by a sync).</source>
        <translation>Ce client ne figure plus dans la boutique (il a peut-être été supprimé lors d’une synchronisation).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>name@example.com</source>
        <translation>nom@exemple.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comma-separated, e.g. wholesale, vip</source>
        <translation>Séparées par des virgules, par ex. grossiste, vip</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A&amp;dd address</source>
        <translation>Ajouter une a&amp;dresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove address</source>
        <translation>&amp;Retirer l’adresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first address is the default one.</source>
        <translation>La première adresse est l’adresse par défaut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;First name:</source>
        <translation>&amp;Prénom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>Éti&amp;quettes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>N&amp;ote&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Addresses:</source>
        <translation>&amp;Adresses&#xa0;:</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Name: enter a first name, a last name or an email address.</source>
        <translation>Nom&#xa0;: saisissez un prénom, un nom ou une adresse e-mail.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Email: “%1” is not an email address (it should look like name@example.com).</source>
        <translation>E-mail&#xa0;: «&#xa0;%1&#xa0;» n’est pas une adresse e-mail (elle doit être de la forme nom@exemple.com).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags: at most %1 characters in all.</source>
        <translation>Étiquettes&#xa0;: %1 caractères au maximum au total.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: at most %1 characters.</source>
        <translation>Note&#xa0;: %1 caractères au maximum.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Address %1, Country: “%2” is not a two-letter country code (such as FR or US).</source>
        <translation>Adresse %1, pays&#xa0;: «&#xa0;%2&#xa0;» n’est pas un code pays à deux lettres (comme FR ou US).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Address %1, %2: at most %3 characters.</source>
        <translation>Adresse %1, %2&#xa0;: %3 caractères au maximum.</translation>
    </message>
</context>
<context>
    <name>sk::CustomerListModel</name>
    <message>
        <location filename="../ui/customers/customerlistmodel.cpp" line="+88"/>
        <source>Could not read the customers: %1</source>
        <translation>Impossible de lire les clients&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Customers sort by name or by when they were created (the other columns have no index).</source>
        <translation>Les clients se trient par nom ou par date de création (les autres colonnes n’ont pas d’index).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent</source>
        <translation>Total dépensé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer since</source>
        <translation>Client depuis</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not synced yet: this customer has a change the server has not confirmed.</source>
        <translation>Pas encore synchronisé&#xa0;: ce client a une modification que le serveur n’a pas confirmée.</translation>
    </message>
</context>
<context>
    <name>sk::CustomersPage</name>
    <message>
        <location filename="../ui/customers/customerspage.cpp" line="+36"/>
        <source>Search name, email or phone (Ctrl+F)</source>
        <translation>Rechercher un nom, un e-mail ou un téléphone (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any tag</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;ag:</source>
        <translation>Éti&amp;quette&#xa0;:</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>&amp;New customer…</source>
        <translation>&amp;Nouveau client…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Your role (%1) does not give access to customers. Ask the shop owner if you need it.</source>
        <translation>Votre rôle (%1) ne donne pas accès aux clients. Adressez-vous au propriétaire de la boutique si vous en avez besoin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No shop is open.</source>
        <translation>Aucune boutique n’est ouverte.</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Customer created. It will be sent with the next sync.</source>
        <translation>Client créé. Il sera envoyé lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer saved. The change will be sent with the next sync.</source>
        <translation>Client enregistré. La modification sera envoyée lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your role (%1) cannot edit customers.</source>
        <translation>Votre rôle (%1) ne permet pas de modifier les clients.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a customer (Ctrl+N)</source>
        <translation>Créer un client (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected customer (Ctrl+E or Enter)</source>
        <translation>Modifier le client sélectionné (Ctrl+E ou Entrée)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading customers…</source>
        <translation>Lecture des clients…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (the first matches; refine the search)</source>
        <translation>%1 (premiers résultats&#xa0;; affinez la recherche)</translation>
    </message>
</context>
<context>
    <name>sk::EntityDocuments</name>
    <message>
        <location filename="../sync/local/entitydocuments.cpp" line="+41"/>
        <source>There is no record type called “%1”.</source>
        <translation>Aucun type d’enregistrement ne s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A stock level&apos;s id must be “&lt;variant id&gt;:&lt;location id&gt;”, not “%1”.</source>
        <translation>L’identifiant d’un niveau de stock doit être de la forme «&#xa0;&lt;id de variante&gt;:&lt;id d’emplacement&gt;&#xa0;», et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The document for %1 %2 describes %3 instead.</source>
        <translation>Le document de %1 %2 décrit en réalité %3.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The %1 %2 refers to %3 %4, which is not in this shop file (yet).</source>
        <translation>L’enregistrement %1 %2 fait référence à %3 %4, qui n’est pas (encore) dans ce fichier de boutique.</translation>
    </message>
</context>
<context>
    <name>sk::FulfilOrderDialog</name>
    <message>
        <location filename="../ui/orders/fulfilorderdialog.cpp" line="+21"/>
        <source>%1 of %2 left</source>
        <translation>%1 sur %2 restant(s)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Tracking number:</source>
        <translation>&amp;Numéro de suivi&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Carrier:</source>
        <translation>&amp;Transporteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fulfil order #%1</source>
        <translation>Expédier la commande n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Items to ship now:</source>
        <translation>Articles à expédier maintenant&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Fulfil</source>
        <translation>&amp;Expédier</translation>
    </message>
</context>
<context>
    <name>sk::GlobalSearchDialog</name>
    <message>
        <location filename="../ui/search/globalsearchdialog.cpp" line="+20"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search the shop</source>
        <translation>Rechercher dans la boutique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Products, SKUs, barcodes, customers, order numbers</source>
        <translation>Produits, SKU, codes-barres, clients, numéros de commande</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing in this shop matches “%1”.</source>
        <translation>Rien dans cette boutique ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>sk::Gtin</name>
    <message>
        <location filename="../core/domain/gtin.cpp" line="+48"/>
        <source>“%1” is not a GTIN: a GTIN has only digits.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un GTIN&#xa0;: un GTIN ne contient que des chiffres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” has %2 digits; a GTIN has 8, 12, 13 or 14.</source>
        <translation>«&#xa0;%1&#xa0;» a %2 chiffres&#xa0;; un GTIN en a 8, 12, 13 ou 14.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” has check digit %2, but it should be %3.</source>
        <translation>«&#xa0;%1&#xa0;» a la clé de contrôle %2, mais elle devrait être %3.</translation>
    </message>
</context>
<context>
    <name>sk::HttpClient</name>
    <message>
        <location filename="../sync/net/httpclient.cpp" line="+48"/>
        <source>Cannot find the server %1. Check the address and the internet connection.</source>
        <translation>Serveur %1 introuvable. Vérifiez l’adresse et la connexion Internet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot connect to %1. The server may be down or unreachable from here.</source>
        <translation>Impossible de se connecter à %1. Le serveur est peut-être arrêté ou injoignable depuis ce réseau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 did not answer in time.</source>
        <translation>%1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open a secure connection to %1: its certificate could not be verified or the TLS handshake failed.</source>
        <translation>Impossible d’établir une connexion sécurisée avec %1&#xa0;: son certificat n’a pas pu être vérifié ou la négociation TLS a échoué.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to %1 broke before the answer was complete.</source>
        <translation>La connexion à %1 a été interrompue avant la fin de la réponse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+192"/>
        <source>The request to %1 was cancelled.</source>
        <translation>La requête vers %1 a été annulée.</translation>
    </message>
    <message>
        <location line="-189"/>
        <location line="+183"/>
        <source>&quot;%1&quot; is not a valid server address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse de serveur valide.</translation>
    </message>
    <message>
        <location line="-181"/>
        <location line="+290"/>
        <source>%1 sent an answer that could not be understood.</source>
        <translation>%1 a envoyé une réponse incompréhensible.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>The network library could not be initialised.</source>
        <translation>La bibliothèque réseau n’a pas pu être initialisée.</translation>
    </message>
    <message>
        <location filename="../sync/net/curllibrary.cpp" line="+37"/>
        <source>The network library (libcurl) could not be loaded, so Storekeep cannot reach the server: %1</source>
        <translation>La bibliothèque réseau (libcurl) n’a pas pu être chargée, Storekeep ne peut donc pas joindre le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 has no %2 (too old?)</source>
        <translation>%1 n’a pas de %2 (version trop ancienne&#xa0;?)</translation>
    </message>
</context>
<context>
    <name>sk::InventoryHistoryView</name>
    <message>
        <location filename="../ui/inventory/inventoryhistoryview.cpp" line="+31"/>
        <source>Any</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Any reason</source>
        <translation>Tous les motifs</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>L&amp;ocation:</source>
        <translation>Emp&amp;lacement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eason:</source>
        <translation>M&amp;otif&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fro&amp;m:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;o:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>All locations</source>
        <translation>Tous les emplacements</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stock history: select a stock level above.</source>
        <translation>Historique du stock&#xa0;: sélectionnez un niveau de stock ci-dessus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock history of %1</source>
        <translation>Historique du stock de %1</translation>
    </message>
</context>
<context>
    <name>sk::InventoryLevelModel</name>
    <message>
        <location filename="../ui/inventory/inventorylevelmodel.cpp" line="+102"/>
        <source>Could not read the inventory: %1</source>
        <translation>Impossible de lire le stock&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Lists sort by Available only (the other columns have no index).</source>
        <translation>Les listes se trient uniquement par Disponible (les autres colonnes n’ont pas d’index).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low at</source>
        <translation>Seuil bas</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not synced yet: this level has a change the server has not confirmed.</source>
        <translation>Pas encore synchronisé&#xa0;: ce niveau de stock a une modification que le serveur n’a pas confirmée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low stock: %1 available, low at %2.</source>
        <translation>Stock bas&#xa0;: %1 disponible(s), seuil bas à %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barcode %1</source>
        <translation>Code-barres %1</translation>
    </message>
</context>
<context>
    <name>sk::InventoryPage</name>
    <message>
        <location filename="../ui/inventory/inventorypage.cpp" line="+40"/>
        <source>Search SKU, barcode or title (Ctrl+F)</source>
        <translation>Rechercher un SKU, un code-barres ou un titre (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Low stock only</source>
        <translation>Stock &amp;bas uniquement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Locat&amp;ion:</source>
        <translation>E&amp;mplacement&#xa0;:</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>&amp;Adjust…</source>
        <translation>&amp;Ajuster…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add or remove stock of the selected level, with a reason (Ctrl+J)</source>
        <translation>Ajouter ou retirer du stock au niveau sélectionné, avec un motif (Ctrl+J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transférer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move stock of the selected variant to another location (Ctrl+Shift+T)</source>
        <translation>Déplacer le stock de la variante sélectionnée vers un autre emplacement (Ctrl+Maj+T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock &amp;count</source>
        <translation>&amp;Inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count stock with a barcode scanner (Ctrl+Shift+C)</source>
        <translation>Compter le stock avec un lecteur de codes-barres (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the stock movements of the selected variant (Ctrl+H)</source>
        <translation>Afficher les mouvements de stock de la variante sélectionnée (Ctrl+H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;product</source>
        <translation>Ouvrir le &amp;produit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the product of the selected level (Ctrl+Enter)</source>
        <translation>Ouvrir le produit du niveau sélectionné (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+291"/>
        <source>Your role (%1) cannot change stock.</source>
        <translation>Votre rôle (%1) ne permet pas de modifier le stock.</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>All locations</source>
        <translation>Tous les emplacements</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Stock of %1 at %2 adjusted by %3.</source>
        <translation>Stock de %1 à %2 ajusté de %3.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 of %2 moved from %3 to %4.</source>
        <translation>%1 unité(s) de %2 déplacée(s) de %3 vers %4.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>It will be sent with the next sync.</source>
        <translation>La modification sera envoyée lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Low stock: %1</source>
        <translation>Stock bas&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No shop is open.</source>
        <translation>Aucune boutique n’est ouverte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading stock levels…</source>
        <translation>Lecture des niveaux de stock…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n stock level(s)</source>
        <translation>
            <numerusform>%n niveau de stock</numerusform>
            <numerusform>%n niveaux de stock</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (the first matches; refine the search)</source>
        <translation>%1 (premiers résultats&#xa0;; affinez la recherche)</translation>
    </message>
</context>
<context>
    <name>sk::InventoryRules</name>
    <message>
        <location filename="../core/domain/inventoryrules.cpp" line="+18"/>
        <source>The quantity must be more than zero, not %1.</source>
        <translation>La quantité doit être supérieure à zéro, et non %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The stock quantity is too large to store.</source>
        <translation>La quantité en stock est trop grande pour être enregistrée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot sell %1: only %2 available.</source>
        <translation>Impossible de vendre %1&#xa0;: seulement %2 disponible(s).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A stock adjustment (%1) must change the quantity.</source>
        <translation>Un ajustement de stock (%1) doit modifier la quantité.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock marked “%1” must add units, not %2.</source>
        <translation>Un mouvement de stock «&#xa0;%1&#xa0;» doit ajouter des unités, et non %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock marked “%1” must remove units, not add %2.</source>
        <translation>Un mouvement de stock «&#xa0;%1&#xa0;» doit retirer des unités, et non en ajouter %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A counted quantity cannot be negative (%1).</source>
        <translation>Une quantité comptée ne peut pas être négative (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock changed while you were counting: on hand is now %1, not %2. Count again or confirm against the new quantity.</source>
        <translation>Le stock a changé pendant votre comptage&#xa0;: il y a maintenant %1 en stock, et non %2. Recomptez ou confirmez par rapport à la nouvelle quantité.</translation>
    </message>
</context>
<context>
    <name>sk::JsonReader</name>
    <message>
        <location filename="../core/domain/jsonreader.cpp" line="+253"/>
        <source>“%1” is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est manquant.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the number %1</source>
        <translation>le nombre %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the string %1</source>
        <translation>la chaîne %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>“%1” must be a string, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être une chaîne, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” must not be empty.</source>
        <translation>«&#xa0;%1&#xa0;» ne doit pas être vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” must be a single line without control characters, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit tenir sur une seule ligne sans caractères de contrôle, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” must be at most %2 characters long, but %3 has %4.</source>
        <translation>«&#xa0;%1&#xa0;» doit compter au plus %2 caractères, mais %3 en a %4.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>“%1” must not contain control characters other than line breaks and tabs, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» ne doit contenir aucun caractère de contrôle hormis les sauts de ligne et les tabulations, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” must be at most %2 characters long, but has %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit compter au plus %2 caractères, mais en a %3.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+14"/>
        <location line="+16"/>
        <source>“%1” must be an id in lower-case UUID form (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un identifiant au format UUID en minuscules (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), mais vaut %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” may only contain lower-case letters a-z, digits and hyphens, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut contenir que des lettres minuscules a-z, des chiffres et des tirets, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“%1” is not a valid GTIN: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un GTIN valide&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” must be an e-mail address such as name@example.com, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être une adresse e-mail comme nom@exemple.com, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“%1” must be a two-letter upper-case ISO 3166-1 country code such as FR, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un code pays ISO 3166-1 de deux lettres majuscules comme FR, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” must be an ISO 4217 currency code such as EUR, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un code de devise ISO 4217 comme EUR, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>“%1” must be a whole number, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un nombre entier, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is %2, beyond ±%3, the largest whole number JSON carries exactly.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, au-delà de ±%3, le plus grand nombre entier que JSON représente exactement.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” must be at least %2, but is %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir au moins %2, mais vaut %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” must be at most %2, but is %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir au plus %2, mais vaut %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <source>“%1” must be between %2 and %3, but is %4.</source>
        <translation>«&#xa0;%1&#xa0;» doit être compris entre %2 et %3, mais vaut %4.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>“%1” must be a number, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un nombre, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+10"/>
        <source>“%1” must be true or false, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir true ou false, mais vaut %2.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“%1” must be one of %2, but is %3.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir l’une des valeurs %2, mais vaut %3.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+15"/>
        <location line="+48"/>
        <source>“%1” must be an object, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un objet, mais vaut %2.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>“%1” must be an array, but is %2.</source>
        <translation>«&#xa0;%1&#xa0;» doit être un tableau, mais vaut %2.</translation>
    </message>
</context>
<context>
    <name>sk::LedgerModel</name>
    <message>
        <location filename="../ui/inventory/ledgermodel.cpp" line="+15"/>
        <source>Received</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold</source>
        <translation>Vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrinkage</source>
        <translation>Démarque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock count</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer in</source>
        <translation>Transfert entrant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer out</source>
        <translation>Transfert sortant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Could not read the stock history: %1</source>
        <translation>Impossible de lire l’historique du stock&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand after</source>
        <translation>En stock après</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
</context>
<context>
    <name>sk::ListTable</name>
    <message>
        <location filename="../ui/common/listtable.cpp" line="+71"/>
        <source>Your role does not see this column.</source>
        <translation>Votre rôle ne voit pas cette colonne.</translation>
    </message>
</context>
<context>
    <name>sk::LocalMutations</name>
    <message>
        <location filename="../sync/local/localmutations.cpp" line="+162"/>
        <source>“%1” cannot be changed by a patch; the fields that can are: %2.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être modifié par un patch&#xa0;; les champs modifiables sont&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A product is created with at most %1 variants at a time.</source>
        <translation>Un produit ne peut pas être créé avec plus de %1 variantes à la fois.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is %2, but the variant belongs to the new product %3.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, mais la variante appartient au nouveau produit %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” repeats variant %2.</source>
        <translation>«&#xa0;%1&#xa0;» répète la variante %2.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>“reason” %1 belongs to transfers: use inventory.transfer.</source>
        <translation>«&#xa0;reason&#xa0;» %1 est réservé aux transferts&#xa0;: utilisez inventory.transfer.</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>“fields” names nothing to change.</source>
        <translation>«&#xa0;fields&#xa0;» ne désigne rien à modifier.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>“%1” must be an array of addresses (an empty one removes them all).</source>
        <translation>«&#xa0;%1&#xa0;» doit être une liste d’adresses (une liste vide les supprime toutes).</translation>
    </message>
    <message>
        <location line="+197"/>
        <source>“to_location_id” must differ from “from_location_id”.</source>
        <translation>«&#xa0;to_location_id&#xa0;» doit être différent de «&#xa0;from_location_id&#xa0;».</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>“lines” names nothing to fulfil.</source>
        <translation>«&#xa0;lines&#xa0;» ne désigne rien à expédier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+46"/>
        <source>Too many lines.</source>
        <translation>Trop de lignes.</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+47"/>
        <source>“%1” names order line %2 a second time.</source>
        <translation>«&#xa0;%1&#xa0;» cite une deuxième fois la ligne de commande %2.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>“message” is required.</source>
        <translation>«&#xa0;message&#xa0;» est obligatoire.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no mutation called “%1”.</source>
        <translation>Aucune mutation ne s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+362"/>
        <source>Cannot refund %1 on order #%2: only %3 of its total %4 is left to refund.</source>
        <translation>Impossible de rembourser %1 sur la commande n°&#xa0;%2&#xa0;: il ne reste que %3 à rembourser sur son total de %4.</translation>
    </message>
</context>
<context>
    <name>sk::LowStockNotifier</name>
    <message>
        <location filename="../ui/inventory/lowstocknotifier.cpp" line="+43"/>
        <source>Low-stock alerts are off: %1</source>
        <translation>Les alertes de stock bas sont désactivées&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+54"/>
        <location line="+23"/>
        <location line="+41"/>
        <location line="+7"/>
        <source>Could not check for low stock: %1</source>
        <translation>Impossible de vérifier les stocks bas&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 at %2 is low: %3 available (low at %4).</source>
        <translation>Stock bas pour %1 à %2&#xa0;: %3 disponible(s) (seuil bas à %4).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n items fell to their low-stock level: %1</source>
        <translation>
            <numerusform>%n article a atteint son seuil de stock bas&#xa0;: %1</numerusform>
            <numerusform>%n articles ont atteint leur seuil de stock bas&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Storekeep</source>
        <translation>Storekeep</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low stock</source>
        <translation>Stock bas</translation>
    </message>
</context>
<context>
    <name>sk::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+115"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+232"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>Inventory</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync issues</source>
        <translation>Problèmes de synchro</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Could not open the product list: %1</source>
        <translation>Impossible d’ouvrir la liste des produits&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Storekeep</source>
        <translation>Storekeep</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — Storekeep</source>
        <translation>%1 — Storekeep</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Local file, not signed in</source>
        <translation>Fichier local, non connecté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in to %1 as %2 &lt;%3&gt;; %4 in %5.</source>
        <translation>Connecté à %1 en tant que %2 &lt;%3&gt;&#xa0;; %4 de la boutique %5.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Switch Shop</source>
        <translation>Changer de boutique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any vendor</source>
        <translation>Tous les fournisseurs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any tag</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vendor:</source>
        <translation>Fo&amp;urnisseur&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ag:</source>
        <translation>É&amp;tiquette&#xa0;:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;New Product…</source>
        <translation>&amp;Nouveau produit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicate…</source>
        <translation>Du&amp;pliquer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arc&amp;hive</source>
        <translation>Arc&amp;hiver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bulk Edit…</source>
        <translation>Modification &amp;groupée…</translation>
    </message>
    <message numerus="yes">
        <location line="+126"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n produit</numerusform>
            <numerusform>%n produits</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;witch Shop…</source>
        <translation>&amp;Changer de boutique…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;Out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in Shop…</source>
        <translation>&amp;Rechercher dans la boutique…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;Sidebar</source>
        <translation>Afficher la barre &amp;latérale</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;ync Now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Storekeep</source>
        <translation>À &amp;propos de Storekeep</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Filtering products…</source>
        <translation>Filtrage des produits…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln produit</numerusform>
            <numerusform>%Ln produits</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>development build</source>
        <translation>version de développement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h3&gt;Storekeep %1&lt;/h3&gt;&lt;p&gt;A fast back office for your shop: orders, products, inventory and customers, on your desktop, online or offline.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;SQLite %3&lt;br&gt;%4&lt;/p&gt;&lt;p&gt;Shop file: %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Storekeep %1&lt;/h3&gt;&lt;p&gt;Un back-office rapide pour votre boutique&#xa0;: commandes, produits, stock et clients, sur votre ordinateur, en ligne ou hors ligne.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;SQLite %3&lt;br&gt;%4&lt;/p&gt;&lt;p&gt;Fichier de boutique&#xa0;: %5&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Storekeep</source>
        <translation>À propos de Storekeep</translation>
    </message>
</context>
<context>
    <name>sk::Money</name>
    <message>
        <location filename="../core/money/money.cpp" line="+29"/>
        <source>The amount %1 is too large to store.</source>
        <translation>Le montant %1 est trop grand pour être enregistré.</translation>
    </message>
    <message>
        <location line="+294"/>
        <source>Cannot %1 an amount without a currency.</source>
        <translation>Impossible d’effectuer l’opération «&#xa0;%1&#xa0;» sur un montant sans devise.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot %1 %2 %3 and %4 %5: the currencies differ.</source>
        <translation>Impossible d’effectuer l’opération «&#xa0;%1&#xa0;» sur %2 %3 et %4 %5&#xa0;: les devises diffèrent.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Cannot split an amount by a negative share (%1).</source>
        <translation>Impossible de répartir un montant selon une part négative (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot split an amount when no share is larger than zero.</source>
        <translation>Impossible de répartir un montant si aucune part n’est supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Cannot read “%1” without a currency.</source>
        <translation>Impossible de lire «&#xa0;%1&#xa0;» sans devise.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not an amount of %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un montant en %2.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>“%1” has more decimals than %2 allows (%3).</source>
        <translation>«&#xa0;%1&#xa0;» a plus de décimales que %2 n’en permet (%3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is too large an amount to store.</source>
        <translation>«&#xa0;%1&#xa0;» est un montant trop grand pour être enregistré.</translation>
    </message>
</context>
<context>
    <name>sk::OrderActions</name>
    <message>
        <location filename="../ui/orders/orderactions.cpp" line="+19"/>
        <source>fulfil orders</source>
        <translation>expédier des commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund orders</source>
        <translation>rembourser des commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancel orders</source>
        <translation>annuler des commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add notes to orders</source>
        <translation>ajouter des notes aux commandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print invoices, which show prices</source>
        <translation>imprimer des factures, qui affichent les prix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print packing slips</source>
        <translation>imprimer des bons de livraison</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No shop is open.</source>
        <translation>Aucune boutique n’est ouverte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role (%1) cannot %2. Ask the shop&apos;s owner.</source>
        <translation>Votre rôle (%1) ne vous autorise pas à %2. Adressez-vous au propriétaire de la boutique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an order first.</source>
        <translation>Sélectionnez d’abord une commande.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every item of order #%1 has been fulfilled.</source>
        <translation>Tous les articles de la commande n°&#xa0;%1 ont été expédiés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order #%1 has been refunded in full.</source>
        <translation>La commande n°&#xa0;%1 a été intégralement remboursée.</translation>
    </message>
</context>
<context>
    <name>sk::OrderDetailView</name>
    <message>
        <location filename="../ui/orders/orderdetailview.cpp" line="+24"/>
        <source>Order details</source>
        <translation>Détails de la commande</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select an order to see its details.</source>
        <translation>Sélectionnez une commande pour afficher ses détails.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Shipping address</source>
        <translation>Adresse de livraison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Billing address</source>
        <translation>Adresse de facturation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway</source>
        <translation>Prestataire de paiement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order #%1</source>
        <translation>Commande n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placed %1 via %2</source>
        <translation>Passée le %1 via %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: %1</source>
        <translation>&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled %1%2</source>
        <translation>Annulée le %1%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not synced yet: changes here wait for the server.</source>
        <translation>Pas encore synchronisée&#xa0;: les modifications faites ici attendent le serveur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Guest</source>
        <translation>Invité</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sk::OrderDocument</name>
    <message>
        <location filename="../ui/orders/orderdocument.cpp" line="+36"/>
        <source>Invoice #%1</source>
        <translation>Facture n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Packing slip #%1</source>
        <translation>Bon de livraison n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invoice-%1.pdf</source>
        <translation>facture-%1.pdf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>packing-slip-%1.pdf</source>
        <translation>bon-de-livraison-%1.pdf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship to</source>
        <translation>Livrer à</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bill to</source>
        <translation>Facturer à</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment: %1</source>
        <translation>Paiement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+10"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sk::OrderFilterBar</name>
    <message>
        <location filename="../ui/orders/orderfilterbar.cpp" line="+54"/>
        <source>Order number, customer or email</source>
        <translation>Numéro de commande, client ou e-mail</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any payment</source>
        <translation>Tous les paiements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any fulfilment</source>
        <translation>Toutes les expéditions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any channel</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Placed from</source>
        <translation>&amp;Passée du</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Placed from</source>
        <translation>Passée à partir du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed until</source>
        <translation>Passée jusqu’au</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Search:</source>
        <translation>Re&amp;chercher&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;until</source>
        <translation>a&amp;u</translation>
    </message>
</context>
<context>
    <name>sk::OrderFormat</name>
    <message>
        <location filename="../ui/orders/orderformat.cpp" line="+24"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing</source>
        <translation>En cours de traitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold</source>
        <translation>En suspens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+50"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+48"/>
        <source>Refunded</source>
        <translation>Remboursée</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payment pending</source>
        <translation>Paiement en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorized</source>
        <translation>Autorisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Partially refunded</source>
        <translation>Partiellement remboursé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <comment>payment</comment>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voided</source>
        <translation>Paiement annulé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unfulfilled</source>
        <translation>Non expédiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partially fulfilled</source>
        <translation>Partiellement expédiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Fulfilled</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Online store</source>
        <translation>Boutique en ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point of sale</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft order</source>
        <translation>Commande provisoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketplace</source>
        <translation>Place de marché</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status changed</source>
        <translation>Statut modifié</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Email sent</source>
        <translation>E-mail envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
</context>
<context>
    <name>sk::OrderHtml</name>
    <message>
        <location filename="../ui/orders/orderhtml.cpp" line="+78"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>Expédié</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <location line="+47"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+47"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+46"/>
        <source>Tax</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discounts</source>
        <translation>Remises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Net payment</source>
        <translation>Paiement net</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> (by %1)</source>
        <translation> (par %1)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n item(s) shipped</source>
        <translation>
            <numerusform>%n article expédié</numerusform>
            <numerusform>%n articles expédiés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fulfilment</source>
        <translation>Expédition</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>items restocked</source>
        <translation>articles remis en stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing has happened to this order yet.</source>
        <translation>Aucun événement pour cette commande pour l’instant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>sk::OrderListModel</name>
    <message>
        <location filename="../ui/orders/orderlistmodel.cpp" line="+77"/>
        <source>Could not read the order list: %1</source>
        <translation>Impossible de lire la liste des commandes&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Orders sort by number, date placed, total or last update.</source>
        <translation>Les commandes se trient par numéro, date de commande, total ou dernière modification.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed</source>
        <translation>Passée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fulfilment</source>
        <translation>Expédition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Not synced yet: this order has a change the server has not confirmed.</source>
        <translation>Pas encore synchronisée&#xa0;: cette commande a une modification que le serveur n’a pas confirmée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded: %1</source>
        <translation>Remboursé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sk::OrderStateMachine</name>
    <message>
        <location filename="../core/domain/orderstatemachine.cpp" line="+50"/>
        <source>Order #%1 cannot go from %2 to %3: %4</source>
        <translation>La commande n°&#xa0;%1 ne peut pas passer de «&#xa0;%2&#xa0;» à «&#xa0;%3&#xa0;»&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order #%1 has no line “%2”.</source>
        <translation>La commande n°&#xa0;%1 n’a pas de ligne «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>it already has that status.</source>
        <translation>elle a déjà ce statut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a %1 order is closed.</source>
        <translation>une commande «&#xa0;%1&#xa0;» est close.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>that step is not part of an order&apos;s life.</source>
        <translation>cette étape ne fait pas partie de la vie d’une commande.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fulfil every item first.</source>
        <translation>expédiez d’abord tous les articles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>items have already been fulfilled; refund them instead.</source>
        <translation>des articles ont déjà été expédiés&#xa0;; remboursez-les plutôt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the payment is %1, not paid or authorized.</source>
        <translation>le paiement est «&#xa0;%1&#xa0;», ni payé ni autorisé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the payment is %1; refund the full amount first.</source>
        <translation>le paiement est «&#xa0;%1&#xa0;»&#xa0;; remboursez d’abord la totalité du montant.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Order #%1 is %2: only processing orders can be fulfilled.</source>
        <translation>La commande n°&#xa0;%1 est «&#xa0;%2&#xa0;»&#xa0;: seules les commandes en cours de traitement peuvent être expédiées.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose at least one item of order #%1 to fulfil.</source>
        <translation>Choisissez au moins un article de la commande n°&#xa0;%1 à expédier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot fulfil %1 of %2: the quantity must be more than zero.</source>
        <translation>Impossible d’expédier %1 de %2&#xa0;: la quantité doit être supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot fulfil %1 of %2: %3 ordered, %4 already fulfilled, %5 left.</source>
        <translation>Impossible d’expédier %1 de %2&#xa0;: %3 commandé(s), %4 déjà expédié(s), %5 restant(s).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Order #%1 cannot be refunded: its payment is %2, not paid.</source>
        <translation>La commande n°&#xa0;%1 ne peut pas être remboursée&#xa0;: son paiement est «&#xa0;%2&#xa0;», et non payé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A refund must be more than zero, not %1.</source>
        <translation>Un remboursement doit être supérieur à zéro, et non %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot refund %1 on order #%2: %3 paid, %4 already refunded, at most %5 left.</source>
        <translation>Impossible de rembourser %1 sur la commande n°&#xa0;%2&#xa0;: %3 payé, %4 déjà remboursé, %5 au plus restant.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot refund %1 (%2) of %3: quantities and amounts cannot be negative.</source>
        <translation>Impossible de rembourser %1 (%2) de %3&#xa0;: les quantités et les montants ne peuvent pas être négatifs.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The refunded items add up to %1, more than the refund of %2.</source>
        <translation>Les articles remboursés totalisent %1, soit plus que le remboursement de %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot refund %1 of %2: %3 ordered, %4 already refunded.</source>
        <translation>Impossible de rembourser %1 de %2&#xa0;: %3 commandé(s), %4 déjà remboursé(s).</translation>
    </message>
</context>
<context>
    <name>sk::OrdersPage</name>
    <message>
        <location filename="../ui/orders/orderspage.cpp" line="+47"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>&amp;Fulfil…</source>
        <translation>&amp;Expédier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship all or some items, with a tracking number</source>
        <translation>Expédier tout ou partie des articles, avec un numéro de suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refund…</source>
        <translation>&amp;Rembourser…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund an amount or items, optionally restocking them</source>
        <translation>Rembourser un montant ou des articles, avec remise en stock facultative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel order…</source>
        <translation>&amp;Annuler la commande…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the order and release its reserved stock</source>
        <translation>Annuler la commande et libérer son stock réservé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;note…</source>
        <translation>Ajouter une &amp;note…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a note to the order&apos;s timeline</source>
        <translation>Ajouter une note à la chronologie de la commande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print &amp;invoice…</source>
        <translation>Imprimer la &amp;facture…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the invoice</source>
        <translation>Imprimer la facture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print &amp;packing slip…</source>
        <translation>Imprimer le &amp;bon de livraison…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the packing slip</source>
        <translation>Imprimer le bon de livraison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save invoice as PDF…</source>
        <translation>Enregistrer la facture en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the invoice as a PDF file</source>
        <translation>Enregistrer la facture dans un fichier PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save packing slip as PDF…</source>
        <translation>Enregistrer le bon de livraison en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the packing slip as a PDF file</source>
        <translation>Enregistrer le bon de livraison dans un fichier PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find orders</source>
        <translation>Rechercher des commandes</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No shop is open.</source>
        <translation>Aucune boutique n’est ouverte.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not open the orders: %1</source>
        <translation>Impossible d’ouvrir les commandes&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Could not read order: %1</source>
        <translation>Impossible de lire la commande&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This order is no longer in the shop.</source>
        <translation>Cette commande ne figure plus dans la boutique.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not fulfil order #%1: %2</source>
        <translation>Impossible d’expédier la commande n°&#xa0;%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not refund order #%1: %2</source>
        <translation>Impossible de rembourser la commande n°&#xa0;%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel order #%1</source>
        <translation>Annuler la commande n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel order #%1? Stock reserved for it goes back on sale.
Reason (optional):</source>
        <translation>Annuler la commande n°&#xa0;%1&#xa0;? Le stock qui lui était réservé est remis en vente.
Motif (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel &amp;order</source>
        <translation>Annuler la &amp;commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not cancel order #%1: %2</source>
        <translation>Impossible d’annuler la commande n°&#xa0;%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a note to order #%1</source>
        <translation>Ajouter une note à la commande n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note for order #%1:</source>
        <translation>Note pour la commande n°&#xa0;%1&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;note</source>
        <translation>Ajouter la &amp;note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not add a note to order #%1: %2</source>
        <translation>Impossible d’ajouter une note à la commande n°&#xa0;%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Print %1</source>
        <translation>Imprimer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save %1</source>
        <translation>Enregistrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>sk::Outbox</name>
    <message>
        <location filename="../sync/local/outbox.cpp" line="+135"/>
        <source>The mutation %1 names no record.</source>
        <translation>La mutation %1 ne désigne aucun enregistrement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shop file has no sync state.</source>
        <translation>Le fichier de boutique n’a pas d’état de synchronisation.</translation>
    </message>
    <message numerus="yes">
        <location line="+245"/>
        <source>%n edit(s) are still waiting to be sent; a new sync identity would lose them.</source>
        <translation>
            <numerusform>%n modification attend encore d’être envoyée&#xa0;; une nouvelle identité de synchronisation la perdrait.</numerusform>
            <numerusform>%n modifications attendent encore d’être envoyées&#xa0;; une nouvelle identité de synchronisation les perdrait.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::PendingEdits</name>
    <message>
        <location filename="../ui/sync/pendingedits.cpp" line="+83"/>
        <source>Could not discard the changes: %1</source>
        <translation>Impossible d’abandonner les modifications&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Storekeep is not connected to the server for this shop, so the changes cannot be sent now.</source>
        <translation>Storekeep n’est pas connecté au serveur de cette boutique&#xa0;: les modifications ne peuvent pas être envoyées pour l’instant.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Another Storekeep window is syncing this shop. Sync there, or close it and try again.</source>
        <translation>Une autre fenêtre de Storekeep synchronise cette boutique. Synchronisez depuis cette fenêtre, ou fermez-la et réessayez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The changes could not be sent: %1</source>
        <translation>Les modifications n’ont pas pu être envoyées&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n change(s) could not be sent yet.</source>
        <translation>
            <numerusform>%n modification n’a pas encore pu être envoyée.</numerusform>
            <numerusform>%n modifications n’ont pas encore pu être envoyées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::PendingEditsDialog</name>
    <message>
        <location filename="../ui/sync/pendingeditsdialog.cpp" line="+29"/>
        <source>sign out</source>
        <translation>vous déconnecter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>switch shop</source>
        <translation>changer de boutique</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+150"/>
        <source>Changes not sent</source>
        <translation>Modifications non envoyées</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>They are stored on this computer only.</source>
        <translation>Elles sont enregistrées uniquement sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They were made in %1 and are stored on this computer only.</source>
        <translation>Elles ont été faites dans la boutique %1 et sont enregistrées uniquement sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 Before you %2, choose what happens to them:&lt;ul&gt;&lt;li&gt;&lt;b&gt;Sync now&lt;/b&gt; sends them to the server first (this needs a connection).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Keep for later&lt;/b&gt; leaves them on this computer; they are sent the next time you open this shop here.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Discard&lt;/b&gt; throws them away; the shop shows the server&apos;s data again.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>%1 Avant de %2, choisissez ce qu’il advient de ces modifications&#xa0;:&lt;ul&gt;&lt;li&gt;&lt;b&gt;Synchroniser maintenant&lt;/b&gt; les envoie d’abord au serveur (une connexion est nécessaire).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Conserver pour plus tard&lt;/b&gt; les laisse sur cet ordinateur&#xa0;; elles seront envoyées la prochaine fois que vous ouvrirez cette boutique ici.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Abandonner&lt;/b&gt; les supprime définitivement&#xa0;; la boutique affiche de nouveau les données du serveur.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep for later</source>
        <translation>&amp;Conserver pour plus tard</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&amp;Discard %n change(s)…</source>
        <translation>
            <numerusform>&amp;Abandonner %n modification…</numerusform>
            <numerusform>&amp;Abandonner %n modifications…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Send the changes to the server now, then %1.</source>
        <translation>Envoyer maintenant les modifications au serveur, puis %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the changes on this computer and send them next time.</source>
        <translation>Conserver les modifications sur cet ordinateur et les envoyer la prochaine fois.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw the changes away. This cannot be undone.</source>
        <translation>Supprimer définitivement les modifications. Cette action est irréversible.</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>You have %n change(s) that have not reached the server yet.</source>
        <translation>
            <numerusform>Vous avez %n modification qui n’a pas encore atteint le serveur.</numerusform>
            <numerusform>Vous avez %n modifications qui n’ont pas encore atteint le serveur.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Discard changes?</source>
        <translation>Abandonner les modifications&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Discard %n change(s)? They never reach the server and cannot be brought back.</source>
        <translation>
            <numerusform>Abandonner %n modification&#xa0;? Elle n’atteindra jamais le serveur et ne pourra pas être récupérée.</numerusform>
            <numerusform>Abandonner %n modifications&#xa0;? Elles n’atteindront jamais le serveur et ne pourront pas être récupérées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Discard %n change(s) made in %1? They never reach the server and cannot be brought back.</source>
        <translation>
            <numerusform>Abandonner %n modification faite dans %1&#xa0;? Elle n’atteindra jamais le serveur et ne pourra pas être récupérée.</numerusform>
            <numerusform>Abandonner %n modifications faites dans %1&#xa0;? Elles n’atteindront jamais le serveur et ne pourront pas être récupérées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&amp;Discard %n change(s)</source>
        <translation>
            <numerusform>&amp;Abandonner %n modification</numerusform>
            <numerusform>&amp;Abandonner %n modifications</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Sending your changes to the server…</source>
        <translation>Envoi de vos modifications au serveur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Ne plus attendre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discarding your changes…</source>
        <translation>Abandon de vos modifications…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not read the changes waiting to be sent: %1</source>
        <translation>Impossible de lire les modifications en attente d’envoi&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sk::ProductBulkEdit</name>
    <message>
        <location filename="../ui/products/productbulkedit.cpp" line="+111"/>
        <source>Set status</source>
        <translation>Définir le statut</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add tags %1</source>
        <translation>Ajouter les étiquettes %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove tags %1</source>
        <translation>Retirer les étiquettes %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Change prices by %1</source>
        <translation>Modifier les prix de %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change prices by %1 %</source>
        <translation>Modifier les prix de %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>These changes were applied already.</source>
        <translation>Ces modifications ont déjà été appliquées.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>“%1”: %2 Nothing was saved.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2 Rien n’a été enregistré.</translation>
    </message>
</context>
<context>
    <name>sk::ProductEditorDialog</name>
    <message>
        <location filename="../ui/products/producteditordialog.cpp" line="+153"/>
        <source>New Product</source>
        <translation>Nouveau produit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit Product</source>
        <translation>Modifier le produit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Duplicate Product</source>
        <translation>Dupliquer le produit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Archive Product</source>
        <translation>Archiver le produit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive “%1”? It stays in past orders but is no longer offered for sale.</source>
        <translation>Archiver «&#xa0;%1&#xa0;»&#xa0;? Il reste dans les commandes passées, mais n’est plus proposé à la vente.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Comma-separated, e.g. summer, sale</source>
        <translation>Séparées par des virgules, par ex. été, soldes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add var&amp;iant</source>
        <translation>Ajouter une var&amp;iante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;move variant</source>
        <translation>Supp&amp;rimer la variante</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Amounts in the shop currency; F2 or typing edits a cell.</source>
        <translation>Montants dans la devise de la boutique&#xa0;; F2 ou la saisie modifie une cellule.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;ut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vendor:</source>
        <translation>&amp;Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cate&amp;gory:</source>
        <translation>Caté&amp;gorie&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ags:</source>
        <translation>Éti&amp;quettes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Varia&amp;nts:</source>
        <translation>Varia&amp;ntes&#xa0;:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>This product is no longer in the shop (it may have been deleted by a sync).</source>
        <translation>Ce produit ne figure plus dans la boutique (il a peut-être été supprimé lors d’une synchronisation).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read this product: %1</source>
        <translation>Impossible de lire ce produit&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Variant %1: SKU “%2” is already used by “%3”.</source>
        <translation>Variante %1&#xa0;: le SKU «&#xa0;%2&#xa0;» est déjà utilisé par «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Title: enter the product&apos;s name.</source>
        <translation>Titre&#xa0;: saisissez le nom du produit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags: at most %1 characters in all.</source>
        <translation>Étiquettes&#xa0;: %1 caractères au maximum au total.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description: at most %1 characters.</source>
        <translation>Description&#xa0;: %1 caractères au maximum.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Variant %1: %2</source>
        <translation>Variante %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sk::ProductListModel</name>
    <message>
        <location filename="../ui/products/productlistmodel.cpp" line="+162"/>
        <source>The product list has no shop file open.</source>
        <translation>La liste des produits n’a aucun fichier de boutique ouvert.</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sorting by this column is not available yet.</source>
        <translation>Le tri selon cette colonne n’est pas encore disponible.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Not synced yet: this product has a change the server has not confirmed.</source>
        <translation>Pas encore synchronisé&#xa0;: ce produit a une modification que le serveur n’a pas confirmée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (category: %2)</source>
        <translation>%1 (catégorie&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not read the product list: %1</source>
        <translation>Impossible de lire la liste des produits&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sk::ProductRights</name>
    <message>
        <location filename="../ui/products/productrights.cpp" line="+15"/>
        <source>Warehouse users can see products but not change them; ask an owner or staff member.</source>
        <translation>Les magasiniers peuvent voir les produits, mais pas les modifier&#xa0;; adressez-vous à un propriétaire ou à un employé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role in this shop cannot change products.</source>
        <translation>Votre rôle dans cette boutique ne permet pas de modifier les produits.</translation>
    </message>
</context>
<context>
    <name>sk::Profile</name>
    <message>
        <location filename="../sync/auth/profile.cpp" line="+29"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>%1 is damaged; delete it and sign in again.</source>
        <translation>%1 est endommagé&#xa0;; supprimez-le et reconnectez-vous.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 was written by a newer Storekeep; use that version, or another profile folder.</source>
        <translation>%1 a été écrit par une version plus récente de Storekeep&#xa0;; utilisez cette version, ou un autre dossier de profil.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+3"/>
        <source>Cannot write %1: %2.</source>
        <translation>Impossible d’écrire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot remove %1: %2.</source>
        <translation>Impossible de supprimer %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>sk::RecordJson</name>
    <message>
        <location filename="../core/domain/recordjson.cpp" line="+77"/>
        <source>“%1” is %2, but the record sits inside %3.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, mais l’enregistrement se trouve dans %3.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>“%1” may only contain letters, digits and %2, but is “%3”.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut contenir que des lettres, des chiffres et %2, mais vaut «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>“%1” names order line %2 a second time.</source>
        <translation>«&#xa0;%1&#xa0;» cite une deuxième fois la ligne de commande %2.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>“%1” is %2, which is not a line of this order.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, qui n’est pas une ligne de cette commande.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The JSON text is malformed at byte %1: %2.</source>
        <translation>Le texte JSON est mal formé à l’octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The JSON text must be an object, but is %1.</source>
        <translation>Le texte JSON doit être un objet, mais vaut %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a single value</source>
        <translation>une valeur seule</translation>
    </message>
    <message>
        <location line="+347"/>
        <source>“%1” must be one of g, kg, lb, oz, but is “%2”.</source>
        <translation>«&#xa0;%1&#xa0;» doit valoir g, kg, lb ou oz, mais vaut «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>“%1” repeats address %2.</source>
        <translation>«&#xa0;%1&#xa0;» répète l’adresse %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“%1” is %2, more than the order&apos;s total of %3.</source>
        <translation>«&#xa0;%1&#xa0;» vaut %2, plus que le total de la commande, %3.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>“%1” repeats order line %2.</source>
        <translation>«&#xa0;%1&#xa0;» répète la ligne de commande %2.</translation>
    </message>
</context>
<context>
    <name>sk::RefundOrderDialog</name>
    <message>
        <location filename="../ui/orders/refundorderdialog.cpp" line="+25"/>
        <source>%1 of %2 not refunded</source>
        <translation>%1 sur %2 non remboursé(s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restock the chosen items</source>
        <translation>Remettre en &amp;stock les articles choisis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Montant&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rea&amp;son:</source>
        <translation>M&amp;otif&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid %1, refunded %2: up to %3 can be refunded.</source>
        <translation>Payé&#xa0;: %1, déjà remboursé&#xa0;: %2&#xa0;; remboursement possible jusqu’à %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refund by item (optional):</source>
        <translation>Remboursement par article (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund order #%1</source>
        <translation>Rembourser la commande n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Refund</source>
        <translation>&amp;Rembourser</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Type the amount to refund, for example %1.</source>
        <translation>Saisissez le montant à rembourser, par exemple %1.</translation>
    </message>
</context>
<context>
    <name>sk::SearchField</name>
    <message>
        <location filename="../ui/common/searchfield.cpp" line="+26"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
</context>
<context>
    <name>sk::SecretStore</name>
    <message>
        <location filename="../sync/auth/secretstore.cpp" line="+28"/>
        <source>The system keychain cannot be used (%1). Storekeep keeps sign-in tokens only there: start or unlock the keychain, then sign in again.</source>
        <translation>Le trousseau du système est inutilisable (%1). Storekeep ne conserve les jetons de connexion que dans ce trousseau&#xa0;: démarrez-le ou déverrouillez-le, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keychain holds no secret for %1.</source>
        <translation>Le trousseau ne contient aucun secret pour %1.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the application is shutting down</source>
        <translation>l’application est en cours de fermeture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a keychain call was made from inside a keychain call</source>
        <translation>un appel au trousseau a été fait depuis un autre appel au trousseau</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>le trousseau n’a pas répondu dans un délai de %1 secondes</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>error %1</source>
        <translation>erreur %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>a secret just written could not be read back</source>
        <translation>un secret qui venait d’être écrit n’a pas pu être relu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a secret just written was read back changed</source>
        <translation>un secret qui venait d’être écrit a été relu avec une valeur différente</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+11"/>
        <location line="+9"/>
        <location line="+9"/>
        <source>the test store is switched off</source>
        <translation>le stockage de test est désactivé</translation>
    </message>
</context>
<context>
    <name>sk::ShopPickerDialog</name>
    <message>
        <location filename="../ui/auth/shoppickerdialog.cpp" line="+27"/>
        <source>Choose a Shop</source>
        <translation>Choisir une boutique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You work in several shops. Which one do you want to open?</source>
        <translation>Vous travaillez dans plusieurs boutiques. Laquelle voulez-vous ouvrir&#xa0;?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type to filter</source>
        <translation>Saisissez du texte pour filtrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shop</source>
        <translation>Boutique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No shop matches.</source>
        <translation>Aucune boutique ne correspond.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Shop</source>
        <translation>&amp;Ouvrir la boutique</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Employé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warehouse</source>
        <translation>Magasinier</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 (open now)</source>
        <translation>%1 (actuellement ouverte)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Your account is not a member of any shop yet. Ask a shop owner to add you.</source>
        <translation>Votre compte n’est encore membre d’aucune boutique. Demandez au propriétaire d’une boutique de vous ajouter.</translation>
    </message>
</context>
<context>
    <name>sk::ShopSession</name>
    <message>
        <location filename="../ui/auth/shopsession.cpp" line="+85"/>
        <source>You are not a member of the shop %1 on %2.</source>
        <translation>Vous n’êtes pas membre de la boutique %1 sur %2.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Your sign-in has ended; sign in again. Unsent changes are kept.</source>
        <translation>Votre connexion a pris fin&#xa0;; reconnectez-vous. Les modifications non envoyées sont conservées.</translation>
    </message>
</context>
<context>
    <name>sk::SignInDialog</name>
    <message>
        <location filename="../ui/auth/signindialog.cpp" line="+59"/>
        <source>Sign In — Storekeep</source>
        <translation>Connexion — Storekeep</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to your shop</source>
        <translation>Connectez-vous à votre boutique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use your shop server&apos;s address and your own login. Your password goes only to that server; the sign-in is kept in your system keychain.</source>
        <translation>Utilisez l’adresse du serveur de votre boutique et vos propres identifiants. Votre mot de passe n’est envoyé qu’à ce serveur&#xa0;; la connexion est conservée dans le trousseau de votre système.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>https://shop.example.com</source>
        <translation>https://boutique.example.com</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>you@example.com</source>
        <translation>vous@example.com</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Try the &amp;Demo Shop</source>
        <translation>Essayer la boutique de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the demo server that ./scripts/run starts, as the owner of “Demo Outfitters”.</source>
        <translation>Se connecter au serveur de démonstration lancé par ./scripts/run, en tant que propriétaire de «&#xa0;Demo Outfitters&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;In</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The e-mail address or password is wrong. Check both and try again.</source>
        <translation>L’adresse e-mail ou le mot de passe est incorrect. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storekeep cannot store your sign-in securely: the system keychain is not available. Start or unlock your keychain (for example GNOME Keyring or KWallet), then sign in again. You are still signed out.</source>
        <translation>Storekeep ne peut pas enregistrer votre connexion de façon sécurisée&#xa0;: le trousseau du système n’est pas disponible. Démarrez ou déverrouillez votre trousseau (par exemple GNOME Keyring ou KWallet), puis reconnectez-vous. Vous êtes toujours déconnecté.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot reach the demo server at %1. It runs while ./scripts/run is running: start Storekeep with ./scripts/run, then try again.</source>
        <translation>Impossible de joindre le serveur de démonstration à l’adresse %1. Il ne fonctionne que pendant l’exécution de ./scripts/run&#xa0;: lancez Storekeep avec ./scripts/run, puis réessayez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no server called %1. Check the address for typing mistakes.</source>
        <translation>Aucun serveur ne s’appelle %1. Vérifiez que l’adresse ne contient pas de faute de frappe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot reach the server at %1. Check the address and your network connection, then try again.</source>
        <translation>Impossible de joindre le serveur à l’adresse %1. Vérifiez l’adresse et votre connexion réseau, puis réessayez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The secure connection to %1 failed: %2</source>
        <translation>La connexion sécurisée à %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a server address. Type it like https://shop.example.com.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse de serveur. Saisissez-la sous la forme https://boutique.example.com.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 did not answer like a Storekeep server. Check the address.</source>
        <translation>%1 n’a pas répondu comme un serveur Storekeep. Vérifiez l’adresse.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type your shop server&apos;s address, for example https://shop.example.com.</source>
        <translation>Saisissez l’adresse du serveur de votre boutique, par exemple https://boutique.example.com.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type the e-mail address you sign in with.</source>
        <translation>Saisissez l’adresse e-mail avec laquelle vous vous connectez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You signed in as %1, but your account is not a member of any shop on this server yet. Ask a shop owner to add you, then sign in again.</source>
        <translation>Vous êtes connecté en tant que %1, mais votre compte n’est encore membre d’aucune boutique sur ce serveur. Demandez au propriétaire d’une boutique de vous ajouter, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Signing in to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>sk::StockCountMode</name>
    <message>
        <location filename="../ui/inventory/stockcountmode.cpp" line="+33"/>
        <source>Stock count</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode or type a SKU and press Enter, then type the quantity you counted and press Enter. Escape skips the item; Escape again leaves count mode.</source>
        <translation>Scannez un code-barres ou saisissez un SKU et appuyez sur Entrée, puis saisissez la quantité comptée et appuyez sur Entrée. Échap passe l’article&#xa0;; un second Échap quitte le mode inventaire.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Barcode or SKU</source>
        <translation>Code-barres ou SKU</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quantity counted</source>
        <translation>Quantité comptée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Location:</source>
        <translation>&amp;Emplacement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scan:</source>
        <translation>&amp;Scanner&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item:</source>
        <translation>Article&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected:</source>
        <translation>Attendu&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ounted:</source>
        <translation>&amp;Compté&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Finish count</source>
        <translation>&amp;Terminer l’inventaire</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Counted in this session:</source>
        <translation>Compté pendant cette session&#xa0;:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Could not open the shop file: %1</source>
        <translation>Impossible d’ouvrir le fichier de boutique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not read the locations: %1</source>
        <translation>Impossible de lire les emplacements&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Location: choose where you are counting first.</source>
        <translation>Emplacement&#xa0;: choisissez d’abord où vous comptez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not look up “%1”: %2</source>
        <translation>Impossible de rechercher «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No variant has the barcode or SKU “%1”. Check the code and scan again.</source>
        <translation>Aucune variante n’a le code-barres ou le SKU «&#xa0;%1&#xa0;». Vérifiez le code et scannez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Counted: type the number of units you counted (0 or more), not “%1”.</source>
        <translation>Compté&#xa0;: saisissez le nombre d’unités comptées (0 ou plus), et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The count of %1 was not saved: %2</source>
        <translation>Le comptage de %1 n’a pas été enregistré&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: counted %2, expected %3, variance %4. Scan the next item.</source>
        <translation>%1&#xa0;: %2 compté(s), %3 attendu(s), écart de %4. Scannez l’article suivant.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
</context>
<context>
    <name>sk::StockEditDialog</name>
    <message>
        <location filename="../ui/inventory/stockeditdialog.cpp" line="+51"/>
        <source>Could not read this variant: %1</source>
        <translation>Impossible de lire cette variante&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This variant is no longer in the shop (it may have been deleted by a sync).</source>
        <translation>Cette variante ne figure plus dans la boutique (elle a peut-être été supprimée lors d’une synchronisation).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sk::StoreListModel</name>
    <message>
        <location filename="../ui/common/storelistmodel.cpp" line="+90"/>
        <source>No shop file is open.</source>
        <translation>Aucun fichier de boutique n’est ouvert.</translation>
    </message>
</context>
<context>
    <name>sk::SyncEngine</name>
    <message>
        <location filename="../sync/engine/syncengine.cpp" line="+61"/>
        <source>Sync was cancelled.</source>
        <translation>La synchronisation a été annulée.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>You are signed out. Sign in again to sync; your edits are kept.</source>
        <translation>Vous êtes déconnecté. Reconnectez-vous pour synchroniser&#xa0;; vos modifications sont conservées.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server refused the session. Sign in again to sync; your edits are kept.</source>
        <translation>Le serveur a refusé la session. Reconnectez-vous pour synchroniser&#xa0;; vos modifications sont conservées.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You are signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server is busy or unavailable; sync will retry.</source>
        <translation>Le serveur est occupé ou indisponible&#xa0;; la synchronisation sera relancée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused access to this shop. Your edits are kept.</source>
        <translation>Le serveur a refusé l’accès à cette boutique. Vos modifications sont conservées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You no longer have access to this shop. Your edits are kept in this computer.</source>
        <translation>Vous n’avez plus accès à cette boutique. Vos modifications sont conservées sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server needs a newer Storekeep. Update the app; your edits are kept.</source>
        <translation>Le serveur exige une version plus récente de Storekeep. Mettez l’application à jour&#xa0;; vos modifications sont conservées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not accept the sync request.</source>
        <translation>Le serveur n’a pas accepté la demande de synchronisation.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This shop file&apos;s sync client belongs to another account. Your edits are kept.</source>
        <translation>Le client de synchronisation de ce fichier de boutique appartient à un autre compte. Vos modifications sont conservées.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server&apos;s answer to the client registration is not valid.</source>
        <translation>La réponse du serveur à l’enregistrement du client n’est pas valide.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This edit is too large for the server to accept.</source>
        <translation>Cette modification est trop volumineuse pour que le serveur l’accepte.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The server expected edit number %1 but this computer&apos;s next one is %2. Nothing was skipped; contact support.</source>
        <translation>Le serveur attendait la modification n°&#xa0;%1, mais la suivante sur cet ordinateur est la n°&#xa0;%2. Rien n’a été ignoré&#xa0;; contactez l’assistance.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The server answered none of the edits sent; sync will retry.</source>
        <translation>Le serveur n’a répondu à aucune des modifications envoyées&#xa0;; la synchronisation sera relancée.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The server no longer has the changes since the last sync.</source>
        <translation>Le serveur ne conserve plus les changements survenus depuis la dernière synchronisation.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The download ended before its last page.</source>
        <translation>Le téléchargement s’est arrêté avant sa dernière page.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The server cannot be reached; your edits are kept and sync will try again.</source>
        <translation>Le serveur est injoignable&#xa0;; vos modifications sont conservées et la synchronisation sera relancée.</translation>
    </message>
</context>
<context>
    <name>sk::SyncIssueListModel</name>
    <message>
        <location filename="../ui/sync/syncissuelistmodel.cpp" line="+89"/>
        <source>Could not read the sync issues: %1</source>
        <translation>Impossible de lire les problèmes de synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(no record)</source>
        <translation>(aucun enregistrement)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On the server, %1 is now %2.</source>
        <translation>Sur le serveur, «&#xa0;%1&#xa0;» vaut désormais %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On hand on the server: %1.</source>
        <translation>En stock sur le serveur&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server code: %1</source>
        <translation>Code du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop settings</source>
        <translation>Réglages de la boutique</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>#%1</source>
        <translation>n°&#xa0;%1</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n adresse</numerusform>
            <numerusform>%n adresses</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Adjust stock by %1</source>
        <translation>Ajuster le stock de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjust stock by %1 (%2)</source>
        <translation>Ajuster le stock de %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count stock as %1</source>
        <translation>Déclarer un stock compté de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move %1 to another location</source>
        <translation>Transférer %1 vers un autre emplacement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 to %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the record</source>
        <translation>Modifier l’enregistrement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create the product %1</source>
        <translation>Créer le produit %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Archive the product</source>
        <translation>Archiver le produit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the product</source>
        <translation>Supprimer le produit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a variant</source>
        <translation>Ajouter une variante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the variant</source>
        <translation>Supprimer la variante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a location</source>
        <translation>Créer un emplacement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a customer</source>
        <translation>Créer un client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the order&apos;s status to %1</source>
        <translation>Passer la commande au statut «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fulfil the order</source>
        <translation>Expédier la commande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund the order</source>
        <translation>Rembourser la commande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a note to the order</source>
        <translation>Ajouter une note à la commande</translation>
    </message>
    <message>
        <location line="+118"/>
        <location line="+4"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 %2 is no longer in this shop.</source>
        <translation>%1 %2 ne se trouve plus dans cette boutique.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you tried</source>
        <translation>Action tentée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s reason</source>
        <translation>Motif du serveur</translation>
    </message>
</context>
<context>
    <name>sk::SyncIssuesPanel</name>
    <message>
        <location filename="../ui/sync/syncissuespanel.cpp" line="+34"/>
        <source>Sync issues</source>
        <translation>Problèmes de synchro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changes the server refused. For each one, keep yours (it is sent again, on the server&apos;s current data), take the server&apos;s version, or dismiss it.</source>
        <translation>Modifications refusées par le serveur. Pour chacune, gardez votre version (elle est renvoyée, appliquée aux données actuelles du serveur), prenez la version du serveur ou ignorez-la.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;Garder ma version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Take theirs</source>
        <translation>&amp;Prendre la version du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ismiss</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open record</source>
        <translation>&amp;Ouvrir l’enregistrement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send your change again, on top of the server&apos;s current data.</source>
        <translation>Renvoyer votre modification, appliquée aux données actuelles du serveur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the server&apos;s version, which already shows; your change is dropped.</source>
        <translation>Garder la version du serveur, déjà affichée&#xa0;; votre modification est abandonnée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the issue from this list without doing anything else.</source>
        <translation>Retirer le problème de cette liste sans rien faire d’autre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the record this change was about.</source>
        <translation>Afficher l’enregistrement concerné par cette modification.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Could not read the sync issues: %1</source>
        <translation>Impossible de lire les problèmes de synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No sync issues. Everything you changed reached the server.</source>
        <translation>Aucun problème de synchronisation. Toutes vos modifications ont atteint le serveur.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Select one issue whose record is still in this shop.</source>
        <translation>Sélectionnez un seul problème dont l’enregistrement se trouve encore dans cette boutique.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select one or more issues first.</source>
        <translation>Sélectionnez d’abord un ou plusieurs problèmes.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n issue(s) could not be resolved:</source>
        <translation>
            <numerusform>%n problème n’a pas pu être résolu&#xa0;:</numerusform>
            <numerusform>%n problèmes n’ont pas pu être résolus&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n issue(s) resolved.</source>
        <translation>
            <numerusform>%n problème résolu.</numerusform>
            <numerusform>%n problèmes résolus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Kept your change in %n issue(s); it is being sent to the server.</source>
        <translation>
            <numerusform>Votre modification a été conservée pour %n problème&#xa0;; elle est en cours d’envoi au serveur.</numerusform>
            <numerusform>Vos modifications ont été conservées pour %n problèmes&#xa0;; elles sont en cours d’envoi au serveur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Kept your change in %n issue(s); it is sent with the next sync.</source>
        <translation>
            <numerusform>Votre modification a été conservée pour %n problème&#xa0;; elle sera envoyée lors de la prochaine synchronisation.</numerusform>
            <numerusform>Vos modifications ont été conservées pour %n problèmes&#xa0;; elles seront envoyées lors de la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Took the server&apos;s version in %n issue(s).</source>
        <translation>
            <numerusform>Version du serveur retenue pour %n problème.</numerusform>
            <numerusform>Version du serveur retenue pour %n problèmes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Dismissed %n issue(s).</source>
        <translation>
            <numerusform>%n problème ignoré.</numerusform>
            <numerusform>%n problèmes ignorés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sk::SyncStatusWidget</name>
    <message>
        <location filename="../ui/sync/syncstatuswidget.cpp" line="+123"/>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>synced just now</source>
        <translation>synchronisé à l’instant</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>synced %n min ago</source>
        <translation>
            <numerusform>synchronisé il y a %n&#xa0;min</numerusform>
            <numerusform>synchronisé il y a %n&#xa0;min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>synced %n h ago</source>
        <translation>
            <numerusform>synchronisé il y a %n&#xa0;h</numerusform>
            <numerusform>synchronisé il y a %n&#xa0;h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>synced on %1</source>
        <translation>synchronisé le %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online · %1</source>
        <translation>En ligne · %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Online · not downloaded yet</source>
        <translation>En ligne · boutique pas encore téléchargée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Downloading the shop…</source>
        <translation>Téléchargement de la boutique…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline · %1</source>
        <translation>Hors ligne · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No access to this shop</source>
        <translation>Aucun accès à cette boutique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update Storekeep to sync</source>
        <translation>Mettez Storekeep à jour pour synchroniser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop access lost</source>
        <translation>Accès à la boutique perdu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced by another Storekeep window</source>
        <translation>Synchronisation assurée par une autre fenêtre de Storekeep</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n modification en attente</numerusform>
            <numerusform>%n modifications en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n sync issue(s)</source>
        <translation>
            <numerusform>%n problème de synchro</numerusform>
            <numerusform>%n problèmes de synchro</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Last synced: %1 (%2)</source>
        <translation>Dernière synchronisation&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not synced with the server yet.</source>
        <translation>Pas encore de synchronisation avec le serveur.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change(s) on this computer have not reached the server yet.</source>
        <translation>
            <numerusform>%n modification faite sur cet ordinateur n’a pas encore atteint le serveur.</numerusform>
            <numerusform>%n modifications faites sur cet ordinateur n’ont pas encore atteint le serveur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change(s) the server refused need your decision (Sync issues).</source>
        <translation>
            <numerusform>%n modification refusée par le serveur attend votre décision (Problèmes de synchro).</numerusform>
            <numerusform>%n modifications refusées par le serveur attendent votre décision (Problèmes de synchro).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Click to sync now.</source>
        <translation>Cliquez pour synchroniser maintenant.</translation>
    </message>
</context>
<context>
    <name>sk::TransferStockDialog</name>
    <message>
        <location filename="../ui/inventory/transferstockdialog.cpp" line="+18"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Transférer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer Stock</source>
        <translation>Transférer du stock</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Optional: transfer slip, carton…</source>
        <translation>Facultatif&#xa0;: bon de transfert, carton…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;From:</source>
        <translation>&amp;De&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;o:</source>
        <translation>&amp;Vers&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantity:</source>
        <translation>&amp;Quantité&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Référence&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After:</source>
        <translation>Après&#xa0;:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose two different locations.</source>
        <translation>Choisissez deux emplacements différents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 on hand (now %3)
%4: %5 on hand (now %6)</source>
        <translation>%1&#xa0;: %2 en stock (actuellement %3)
%4&#xa0;: %5 en stock (actuellement %6)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That is more than %1 has on hand.</source>
        <translation>C’est plus que le stock de %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>choose where the stock leaves.</source>
        <translation>choisissez d’où part le stock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>choose where the stock goes.</source>
        <translation>choisissez où va le stock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choose a location other than %1.</source>
        <translation>choisissez un emplacement autre que %1.</translation>
    </message>
</context>
<context>
    <name>sk::VariantGridModel</name>
    <message>
        <location filename="../ui/products/variantgridmodel.cpp" line="+123"/>
        <source>Variant %1: enter a price.</source>
        <translation>Variante %1&#xa0;: saisissez un prix.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Variant %1: %2 “%3” has more decimals than %4 allows.</source>
        <translation>Variante %1&#xa0;: %2 «&#xa0;%3&#xa0;» a plus de décimales que %4 n’en permet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Variant %1: %2 “%3” is not an amount.</source>
        <translation>Variante %1&#xa0;: %2 «&#xa0;%3&#xa0;» n’est pas un montant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Variant %1: %2 “%3” is below zero.</source>
        <translation>Variante %1&#xa0;: %2 «&#xa0;%3&#xa0;» est inférieur à zéro.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Variant %1: weight “%2” is not a weight (a number, 0 or more).</source>
        <translation>Variante %1&#xa0;: le poids «&#xa0;%2&#xa0;» n’est pas un poids valide (un nombre, 0 ou plus).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Variant %1: %2 has at most %3 characters.</source>
        <translation>Variante %1&#xa0;: %2 ne peut pas dépasser %3 caractères.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Variant %1: SKU “%2” is also used by variant %3.</source>
        <translation>Variante %1&#xa0;: le SKU «&#xa0;%2&#xa0;» est aussi utilisé par la variante %3.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+92"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>barcode</source>
        <translation>code-barres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option 1</source>
        <translation>option 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option 2</source>
        <translation>option 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option 3</source>
        <translation>option 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price</source>
        <translation>prix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compare-at price</source>
        <translation>prix barré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cost</source>
        <translation>coût</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>New variant: created when you save.</source>
        <translation>Nouvelle variante&#xa0;: elle sera créée à l’enregistrement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight in %1</source>
        <translation>Poids en %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Barcode</source>
        <translation>Code-barres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Option 1</source>
        <translation>Option 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Option 2</source>
        <translation>Option 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Option 3</source>
        <translation>Option 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price (%1)</source>
        <translation>Prix (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare-at (%1)</source>
        <translation>Prix barré (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost (%1)</source>
        <translation>Coût (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
</context>
</TS>
