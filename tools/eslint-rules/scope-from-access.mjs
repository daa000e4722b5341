/**
 * A Scope (what a repository may see) is made only by libs/access, from the Actor or for a named
 * system purpose. Its type is nominal, so a hand-built object does not type-check as one; this
 * rule closes the remaining door, a cast: `x as Scope`, `<Scope>x` or `x satisfies Scope`.
 */
const isScopeType = (node) =>
  node?.type === 'TSTypeReference' &&
  ((node.typeName.type === 'Identifier' && node.typeName.name === 'Scope') ||
    (node.typeName.type === 'TSQualifiedName' && node.typeName.right.name === 'Scope'));

export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid casting to Scope: get one from AccessService (or systemScope)' },
    messages: {
      cast: 'Do not cast to Scope: get it from AccessService for the Actor, or from systemScope(<purpose>) in libs/access.',
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      if (isScopeType(node.typeAnnotation)) context.report({ node, messageId: 'cast' });
    };
    return { TSAsExpression: check, TSTypeAssertion: check, TSSatisfiesExpression: check };
  },
};
