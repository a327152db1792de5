export { type BaiduCredentials, signBaiduRequest } from './baidu-bce-auth-v1.ts';
export { type HuaweiCredentials, signHuaweiRequest } from './huawei-hmac-sha256.ts';
