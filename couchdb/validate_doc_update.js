function (newDoc, oldDoc, userCtx, secObj) {
	// Leviers: who may write what in a campaign database, and which documents are ours
	// (docs/synchronisation.md). Plain ES5 as CouchDB 3's JavaScript engine runs it; installed as
	// _design/leviers by scripts/couchdb-setup.mjs. The source must begin with `function`.
	//
	// The coordinator (a server admin, or a database admin of secObj.admins) writes anything.
	// A service head (a member with the role leviers-service-<module>) writes only diagnostics
	// of that module, and deletes nothing. Any other member writes nothing. Every document that
	// is not a design document must have the shape of docs/format.md's campaign, diagnostic or
	// action documents (src/lib/domain/sync/documents.ts reads them the same way).

	var MAX_CHARS = 4000000;
	var FORMAT_MAX = 5;
	var DOC_ID = /^(campaign|diagnostic|action):([A-Za-z0-9_-]{1,100})$/;
	var ID = /^[A-Za-z0-9_-]{1,100}$/;
	var MODULE = /^[a-z0-9-]{1,40}$/;
	var SERVICE_ROLE = /^leviers-service-([a-z0-9-]{1,40})$/;
	var TOP_KEYS = {
		campaign: ['type', 'format', 'campaign'],
		diagnostic: ['type', 'format', 'campaignId', 'module', 'diagnostic'],
		action: ['type', 'format', 'campaignId', 'action']
	};
	// Special members CouchDB itself may hand over; _attachments is refused on purpose.
	var SPECIAL_KEYS = ['_id', '_rev', '_revisions', '_deleted'];

	function refuse(reason) {
		throw { forbidden: 'Document refusé\u202f: ' + reason };
	}
	function isArray(x) {
		return Object.prototype.toString.call(x) === '[object Array]';
	}
	function isObject(x) {
		return typeof x === 'object' && x !== null && !isArray(x);
	}
	function has(list, x) {
		return isArray(list) && list.indexOf(x) !== -1;
	}
	function isInteger(x, min, max) {
		return typeof x === 'number' && Math.floor(x) === x && x >= min && x <= max;
	}
	function isText(x, max) {
		return typeof x === 'string' && x.replace(/^\s+|\s+$/g, '').length > 0 && x.length <= max;
	}
	function isRef(x, pattern) {
		return typeof x === 'string' && pattern.test(x);
	}

	// A history as the exchange format has it: [{ device, revision }, …].
	function isLineage(x) {
		if (!isArray(x) || x.length > 1000) return false;
		for (var i = 0; i < x.length; i++)
			if (!isObject(x[i]) || !isRef(x[i].device, ID) || !isInteger(x[i].revision, 0, 1000000000))
				return false;
		return true;
	}
	// Why a document is not one of ours, or null.
	function shapeProblem(doc) {
		var m = typeof doc._id === 'string' ? DOC_ID.exec(doc._id) : null;
		if (!m) return 'son identifiant n’est pas celui d’un document Leviers.';
		var type = m[1];
		if (doc.type !== type) return 'son type ne correspond pas à son identifiant.';
		for (var key in doc) {
			if (!Object.prototype.hasOwnProperty.call(doc, key)) continue;
			if (!has(TOP_KEYS[type], key) && !has(SPECIAL_KEYS, key))
				return 'le champ «\u202f' + String(key).slice(0, 40) + '\u202f» n’est pas prévu.';
		}
		if (!isInteger(doc.format, 1, FORMAT_MAX)) return 'sa version de format n’est pas prise en charge.';
		var inner = doc[type];
		if (!isObject(inner) || inner.id !== m[2])
			return 'son contenu ne correspond pas à son identifiant.';
		if (type !== 'campaign') {
			if (!isRef(doc.campaignId, ID) || inner.campaignId !== doc.campaignId)
				return 'la démarche indiquée ne correspond pas à son contenu.';
		}
		if (type === 'campaign') {
			if (!isText(inner.authority, 200) || !isText(inner.label, 200))
				return 'le nom de la collectivité ou de la démarche manque ou dépasse 200 caractères.';
			if (!isArray(inner.modules) || inner.modules.length > 50)
				return 'la liste des services est illisible.';
			for (var i = 0; i < inner.modules.length; i++)
				if (!isRef(inner.modules[i], MODULE)) return 'la liste des services est illisible.';
		} else if (type === 'diagnostic') {
			if (!isRef(doc.module, MODULE) || inner.module !== doc.module)
				return 'le service indiqué ne correspond pas à son contenu.';
			if (!isInteger(inner.questionnaireVersion, 0, 1000000))
				return 'sa version de questionnaire est illisible.';
			if (inner.status !== 'draft' && inner.status !== 'complete')
				return 'son statut est illisible.';
			if (!isInteger(inner.revision, 0, 1000000000)) return 'sa révision est illisible.';
			if (!isArray(inner.answers) || !isLineage(inner.lineage))
				return 'ses réponses ou son historique sont illisibles.';
		} else {
			if (!isText(inner.title, 100000)) return 'l’action n’a pas de titre.';
			if (!isArray(inner.levers) || !isArray(inner.steps) || !isArray(inner.followUps))
				return 'ses leviers, étapes ou suivis sont illisibles.';
			if (!isLineage(inner.lineage)) return 'son historique est illisible.';
		}
		if (JSON.stringify(doc).length > MAX_CHARS) return 'il est trop volumineux.';
		return null;
	}

	// Design documents are left to CouchDB (server and database admins only).
	if (typeof newDoc._id === 'string' && newDoc._id.indexOf('_design/') === 0) return;

	var name = userCtx && userCtx.name;
	var roles = (userCtx && userCtx.roles) || [];
	var admins = (secObj && secObj.admins) || {};
	var coordinator = has(roles, '_admin') || (name !== null && has(admins.names, name));
	var modules = [];
	for (var r = 0; r < roles.length; r++) {
		if (has(admins.roles, roles[r])) coordinator = true;
		var role = typeof roles[r] === 'string' ? SERVICE_ROLE.exec(roles[r]) : null;
		if (role) modules.push(role[1]);
	}

	if (newDoc._deleted === true) {
		if (coordinator) return;
		refuse('seule la coordination peut supprimer un document.');
	}
	if (!coordinator && modules.length === 0)
		refuse('votre compte n’a pas de rôle Leviers (coordination ou service) sur ce serveur.');

	var problem = shapeProblem(newDoc);
	if (problem) refuse(problem);
	if (coordinator) return;

	if (newDoc.type !== 'diagnostic')
		refuse('seule la coordination peut modifier la démarche et le plan d’action.');
	if (!has(modules, newDoc.module))
		refuse('votre compte ne peut modifier que le diagnostic de son service.');
	if (oldDoc && !oldDoc._deleted && (oldDoc.type !== 'diagnostic' || !has(modules, oldDoc.module)))
		refuse('votre compte ne peut modifier que le diagnostic de son service.');
}
