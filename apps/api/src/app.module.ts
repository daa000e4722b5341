import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AccessModule } from '@juntos/access';
import { AuthModule } from '@juntos/auth';
import { CryptoModule } from '@juntos/crypto';
import { dataSourceOptions, DbModule, TransactionHost } from '@juntos/db';
import { MIGRATIONS } from '../../../migrations';
import { Env } from './config/env';
import { formatError } from './graphql/format-error';
import { graphqlLimits } from './graphql/limits';
import { HttpErrorsFilter } from './graphql/http-error.filter';
import { RequestTransactionMiddleware, requestTransactionPlugin } from './graphql/request-transaction';
import { validationPipe } from './graphql/validation';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/job-queue';
import { logSerializers } from './logging';
import { FEATURE_MODULES } from './modules';
import { answerPrefetched } from './graphql/prefetch';

@Module({})
export class AppModule implements NestModule {
  /** The whole API, configured from an already validated environment. */
  static forRoot(env: Env): DynamicModule {
    const production = env.NODE_ENV === 'production';
    return {
      module: AppModule,
      imports: [
        // Only the validated Env: never process.env, which holds whatever else the process was given.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          skipProcessEnv: true,
          validate: () => env,
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            transport:
              env.NODE_ENV === 'development'
                ? { target: 'pino-pretty', options: { singleLine: true } }
                : undefined,
            genReqId: (_req, res) => {
              const id = randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            serializers: logSerializers,
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({
              url: env.DATABASE_URL!,
              migrations: MIGRATIONS,
              poolSize: env.DB_POOL_SIZE,
              logging: env.DB_LOG,
            }),
            // Each feature module registers its own entities (featureEntities in its imports).
            autoLoadEntities: true,
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
        DbModule,
        AuthModule,
        AccessModule,
        CryptoModule,
        JobsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TransactionHost],
          useFactory: (tx: TransactionHost): ApolloDriverConfig => {
            const limits = graphqlLimits(env);
            return {
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              introspection: !production,
              playground: false,
              allowBatchedHttpRequests: false,
              includeStacktraceInErrorResponses: false,
              fieldResolverEnhancers: ['guards'],
              context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
              formatError: formatError(production),
              parseOptions: limits.parseOptions,
              validationRules: limits.validationRules,
              stringifyResult: limits.stringifyResult,
              transformSchema: answerPrefetched,
              // Cache control is off: no answer here may sit in a shared cache, and its per-field
              // hook wrapped every resolver (measured: ~1 ms of CPU on a page of 50 members).
              plugins: [
                ...limits.plugins,
                requestTransactionPlugin(tx),
                ApolloServerPluginCacheControlDisabled(),
              ],
            };
          },
        }),
        TerminusModule,
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_FILTER, useClass: HttpErrorsFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTransactionMiddleware).forRoutes('graphql');
  }
}
