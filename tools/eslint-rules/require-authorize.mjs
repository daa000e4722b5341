/**
 * Every GraphQL resolver method (@Query, @Mutation, @ResolveField) and every REST handler must say
 * who may call it: @Authorize(<capability>) or @Public(), on the method or its class. The global
 * guard refuses undeclared endpoints at run time; this rule refuses them in review.
 */
const ENDPOINT = new Set([
  'Query',
  'Mutation',
  'ResolveField',
  'Subscription',
  'Get',
  'Post',
  'Put',
  'Patch',
  'Delete',
]);
const DECLARATION = new Set(['Authorize', 'Public']);

const nameOf = (decorator) => {
  const e = decorator.expression;
  if (e.type === 'CallExpression' && e.callee.type === 'Identifier') return e.callee.name;
  if (e.type === 'Identifier') return e.name;
  return null;
};

export default {
  meta: {
    type: 'problem',
    docs: { description: 'require @Authorize() or @Public() on every resolver method and route handler' },
    messages: {
      missing:
        "'{{name}}' is an endpoint with no permission declaration: add @Authorize(<capability>) or @Public().",
    },
    schema: [],
  },
  create(context) {
    return {
      MethodDefinition(node) {
        const decorators = (node.decorators ?? []).map(nameOf);
        if (!decorators.some((d) => ENDPOINT.has(d))) return;
        const classDecorators = (node.parent.parent.decorators ?? []).map(nameOf);
        if ([...decorators, ...classDecorators].some((d) => DECLARATION.has(d))) return;
        context.report({ node: node.key, messageId: 'missing', data: { name: node.key.name ?? '?' } });
      },
    };
  },
};
